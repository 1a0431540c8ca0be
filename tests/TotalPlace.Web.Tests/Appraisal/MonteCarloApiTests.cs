using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;
using TotalPlace.Web.Jobs;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Appraisal;

/// <summary>The Monte Carlo simulation as a background job through the real server: the server answers while a large
/// run goes on, and the result is the engine's seeded result.</summary>
[Collection(WebCollection.Name)]
public sealed class MonteCarloApiTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    // The job queue's own completion signal, not a poll of the run's address; the address is then read once.
    private async Task<JsonElement> WaitForAsync(string location, string jobId)
    {
        await app.Services.GetRequiredService<JobQueue>().WaitAsync(jobId, Token).WaitAsync(TimeSpan.FromMinutes(5), Token);
        return await app.Client.GetFromJsonAsync<JsonElement>(location, Token);
    }

    [Fact]
    public async Task StartMonteCarlo_LargeRun_OtherRequestsAreServedMeanwhileAndTheResultIsTheEnginesSeededResult()
    {
        // Large enough to take seconds on any machine this runs on (~1 µs a draw on one core).
        const int Iterations = 3_000_000;
        const ulong Seed = 20_100_401;

        using var started = await app.Client.PostAsync($"/api/appraisals/montecarlo?iterations={Iterations}&seed={Seed}", Json(SampleProposals.Jsa()), Token);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        var run = await started.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal($"/api/appraisals/montecarlo/{run.GetProperty("id").GetString()}", location);
        var jobId = run.GetProperty("job").GetProperty("id").GetString();

        // While the run goes on, the dashboard API (a store read) and the job's own progress are answered.
        using var dashboard = await app.Client.GetAsync($"/api/places/{WebAppFixture.PlaceCode}/dashboard", Token);
        var during = await app.Client.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}", Token);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.True(
            during.GetProperty("state").GetString() is "Queued" or "Running",
            $"The run had finished before the second request was answered ({during}); raise Iterations so the test shows the server answering during a run.");

        var done = await WaitForAsync(location, jobId!);

        Assert.Equal("Succeeded", done.GetProperty("job").GetProperty("state").GetString());
        Assert.Equal(1.0, done.GetProperty("job").GetProperty("fraction").GetDouble());
        var expected = MonteCarlo.Run(ProposalParser.Parse(SampleProposals.Jsa()).Value, Appraiser.Default, Iterations, Seed, cancellationToken: Token);
        var result = done.GetProperty("result");
        Assert.Equal(Iterations, result.GetProperty("iterations").GetInt32());
        Assert.Equal(expected.ProbabilityNpvFiscalPositive, result.GetProperty("probabilityNpvFiscalPositive").GetDouble());
        Assert.Equal(expected.ProbabilityNpvPublicValuePositive, result.GetProperty("probabilityNpvPublicValuePositive").GetDouble());
        foreach (var (name, bands) in new[] { ("npvFiscal", expected.NpvFiscal), ("npvPublicValue", expected.NpvPublicValue), ("pvCosts", expected.PvCosts) })
        {
            var shown = result.GetProperty(name);
            Assert.Equal(bands.P10, shown.GetProperty("p10").GetDouble());
            Assert.Equal(bands.P50, shown.GetProperty("p50").GetDouble());
            Assert.Equal(bands.P90, shown.GetProperty("p90").GetDouble());
            Assert.Equal(bands.Mean, shown.GetProperty("mean").GetDouble());
        }
    }

    [Fact]
    public async Task StartMonteCarlo_ProposalWithoutUncertainty_ReturnsAValidationProblem()
    {
        var proposal = JsonNode.Parse(SampleProposals.Jsa())!.AsObject();
        proposal.Remove("uncertainty");

        using var response = await app.Client.PostAsync("/api/appraisals/montecarlo?iterations=100", Json(proposal.ToJsonString()), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty("uncertainty", out _), problem.ToString());
    }

    [Fact]
    public async Task GetMonteCarlo_UnknownRun_Returns404()
    {
        using var response = await app.Client.GetAsync("/api/appraisals/montecarlo/0123456789abcdef0123456789abcdef", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
