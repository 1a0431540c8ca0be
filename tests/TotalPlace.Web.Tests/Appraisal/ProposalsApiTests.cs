using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TotalPlace.Core;
using TotalPlace.Core.Appraisal;
using TotalPlace.Storage.Audit;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Appraisal;

/// <summary>The proposal editor's endpoints through the real HTTP server (issue 16): the live appraisal is the
/// engine's, the search is the database's, a proposal that does not appraise is refused whole, and a saved one is
/// audited and downloads as the same file.</summary>
[Collection(WebCollection.Name)]
[Trait("Issue", "16")]
public sealed class ProposalsApiTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Appraise_JsaSample_NpvAndAgenciesAreTheEnginesWithMoneyShownOneWay()
    {
        var expected = SampleProposals.JsaByTheEngine();

        using var response = await app.Client.PostAsync("/api/proposals/appraise", Json(SampleProposals.Jsa()), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(body.GetProperty("valid").GetBoolean());
        var npv = body.GetProperty("headline").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "npv-fiscal");
        Assert.Equal(expected.NpvFiscal, npv.GetProperty("value").GetDecimal());
        Assert.Equal(MoneyFormat.Pounds(expected.NpvFiscal), npv.GetProperty("text").GetString());
        Assert.Equal(expected.ByAgency.Select(a => a.Agency), body.GetProperty("byAgency").EnumerateArray().Select(a => a.GetProperty("agency").GetString()));
        var costsWithBias = expected.PvCosts;
        var uplift = body.GetProperty("optimismBias").GetProperty("costUplift").GetDecimal();
        Assert.True(uplift > 0m && uplift < costsWithBias, $"optimism bias uplift {uplift} should be part of PV costs {costsWithBias}");
    }

    [Fact]
    public async Task SearchUnitCosts_Words_AnswersTheDatabasesOwnRanking()
    {
        var expected = UnitCostDatabase.UcdV14.Search("homelessness application").Take(5).Select(u => u.Code).ToList();
        Assert.NotEmpty(expected);

        var hits = await app.Client.GetFromJsonAsync<JsonElement>("/api/unit-costs?limit=5&q=homelessness%20application", Token);

        Assert.Equal(expected, hits.EnumerateArray().Select(h => h.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Save_ProposalThatDoesNotAppraise_IsRefusedByFieldPathAndNothingIsStored()
    {
        var id = "refused-" + Guid.NewGuid().ToString("N")[..8];
        var broken = SampleProposals.Jsa().Replace("\"horizon_years\"", "\"horizon_yearz\"", StringComparison.Ordinal);

        using var response = await app.Client.PostAsync($"/api/places/{WebAppFixture.PlaceCode}/proposals?id={id}", Json(broken), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty("horizon_yearz", out _), problem.ToString());
        Assert.Null(await app.Store.Proposals.LoadProposalAsync(WebAppFixture.PlaceCode, id, Token));
    }

    [Fact]
    public async Task Save_ThenDownload_SameFileAndOneAuditEntry()
    {
        var id = "saved-" + Guid.NewGuid().ToString("N")[..8];
        var json = SampleProposals.Jsa();

        using var saved = await app.Client.PostAsync($"/api/places/{WebAppFixture.PlaceCode}/proposals?id={id}", Json(json), Token);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var file = await app.Client.GetStringAsync($"/api/places/{WebAppFixture.PlaceCode}/proposals/{id}/file", Token);

        Assert.Equal(json, file);
        var audit = await app.Store.Audit.QueryAuditAsync(new AuditQuery(PlaceCode: WebAppFixture.PlaceCode, SubjectKind: AuditSubjects.Proposal, SubjectId: id), Token);
        Assert.Equal(AuditActions.ProposalCreated, Assert.Single(audit.Items).Action);
    }
}
