using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Appraisal;

/// <summary>POST /api/appraisals through the real HTTP server, checked against the engine's own result.</summary>
[Collection(WebCollection.Name)]
public sealed class AppraisalApiTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> PostAsync(string json) =>
        app.Client.PostAsync("/api/appraisals", new StringContent(json, Encoding.UTF8, "application/json"), Token);

    [Fact]
    public async Task Appraise_JsaSample_HeadlinesMatchTheEngineToThePenny()
    {
        var expected = SampleProposals.JsaByTheEngine();

        using var response = await PostAsync(SampleProposals.Jsa());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(expected.Proposal.Name, body.GetProperty("name").GetString());
        Assert.Equal(Math.Round(expected.NpvFiscal, 2), Math.Round(body.GetProperty("npvFiscal").GetDecimal(), 2));
        Assert.Equal(Math.Round(expected.NpvPublicValue, 2), Math.Round(body.GetProperty("npvPublicValue").GetDecimal(), 2));
        Assert.Equal(Math.Round(expected.PvCosts, 2), Math.Round(body.GetProperty("pvCosts").GetDecimal(), 2));
        Assert.Equal(Math.Round(expected.PvFiscal, 2), Math.Round(body.GetProperty("pvFiscal").GetDecimal(), 2));
        Assert.Equal(expected.PaybackYearIndex, body.GetProperty("paybackYearIndex").ValueKind == JsonValueKind.Null ? null : body.GetProperty("paybackYearIndex").GetInt32());
        Assert.Equal(expected.Years.Count, body.GetProperty("years").GetArrayLength());
        Assert.Equal(expected.ByAgency.Select(a => a.Agency), body.GetProperty("byAgency").EnumerateArray().Select(a => a.GetProperty("agency").GetString()));
    }

    [Fact]
    public async Task Appraise_JsaSample_YearsSumToThePresentValueOfCosts()
    {
        using var response = await PostAsync(SampleProposals.Jsa());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

        var discountedCosts = body.GetProperty("years").EnumerateArray()
            .Sum(y => y.GetProperty("costs").GetDecimal() * y.GetProperty("discountFactor").GetDecimal());
        Assert.Equal(Math.Round(body.GetProperty("pvCosts").GetDecimal(), 2), Math.Round(discountedCosts, 2));
    }

    [Fact]
    public async Task Appraise_SuccessAboveOne_ReturnsAValidationProblemKeyedByTheFieldPath()
    {
        var proposal = JsonNode.Parse(SampleProposals.Jsa())!;
        proposal["outcomes"]![0]!["success"] = 1.5;

        using var response = await PostAsync(proposal.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty("outcomes[0].success", out var messages), problem.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
    }

    [Fact]
    public async Task Appraise_NotJson_ReturnsAValidationProblem()
    {
        using var response = await PostAsync("{ this is not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
    }
}
