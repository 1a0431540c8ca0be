using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TotalPlace.Application.Waste;
using TotalPlace.Storage.Identity;
using TotalPlace.Web.Jobs;
using TotalPlace.Web.Tables;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Waste;

/// <summary>The waste page through the real server: running the analysis saves findings, and the page lists exactly
/// the store's ranked findings with their money at stake.</summary>
[Collection(WebCollection.Name)]
public sealed class WastePageTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAnalysis_SeededPlace_ListsTheStoresRankedFindings()
    {
        using var client = new FormClient(app.BaseAddress);
        var token = await client.TokenFromAsync($"/Waste?place={WebAppFixture.PlaceCode}", Token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = token,
            ["Place"] = WebAppFixture.PlaceCode,
        });

        using var run = await client.Http.PostAsync("/Waste", form, Token);

        // The request returns at once with the run queued; the page it sends the reader to follows the job.
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var location = run.Headers.Location!.OriginalString;
        var jobId = System.Web.HttpUtility.ParseQueryString(location[(location.IndexOf('?', StringComparison.Ordinal) + 1)..])["job"];
        Assert.False(string.IsNullOrEmpty(jobId), location);
        var job = await app.Services.GetRequiredService<JobQueue>().WaitAsync(jobId, Token);
        Assert.Equal(JobState.Succeeded, job.State);
        var followed = WebUtility.HtmlDecode(await client.Http.GetStringAsync(location, Token));
        Assert.Contains(job.Message, followed, StringComparison.Ordinal);
        Assert.Contains("id=\"job-outcome\"", followed, StringComparison.Ordinal);
        var expected = await app.Store.Waste.ListFindingsAsync(WebAppFixture.PlaceCode, Token);
        // The lines the place holds, from its batches (other tests in this collection commit a second file to it).
        var lines = (await app.Store.Spend.ListBatchesAsync(WebAppFixture.PlaceCode, Token)).Sum(b => (long)b.RowsLoaded);
        Assert.Contains($"Read {lines:N0} lines and found {expected.Count:N0} finding", job.Message, StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await client.Http.GetStringAsync($"/Waste?place={WebAppFixture.PlaceCode}", Token));
        Assert.Contains("data-table=\"findings\"", html, StringComparison.Ordinal);
        foreach (var finding in expected.Take(20))
        {
            Assert.Contains(finding.Title, html, StringComparison.Ordinal);
            Assert.Contains(CellFormat.Display(finding.MoneyAtStake, CellKind.Money), html, StringComparison.Ordinal);
        }

        var csv = await client.Http.GetStringAsync($"/Waste?place={WebAppFixture.PlaceCode}&handler=export&table=findings&format=csv", Token);
        Assert.Equal(expected.Count + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task WasteRun_WithProgress_ReportsReadingEveryLineThenEachPhaseUpToDone()
    {
        var reports = new List<WasteRunProgress>();
        // The lines the place holds, from its batches: the fixture's first half of the Devon file, and the second half
        // when the import browser test has committed it.
        var lines = (await app.Store.Spend.ListBatchesAsync(WebAppFixture.PlaceCode, Token)).Sum(b => (long)b.RowsLoaded);
        Assert.True(lines >= SampleFiles.FirstHalfRows);

        await new RunWasteAnalysis(app.Store, TimeProvider.System).ExecuteAsync(new RunWasteAnalysisRequest(WebAppFixture.PlaceCode, Visibility.All), new SynchronousProgress<WasteRunProgress>(reports.Add), Token);

        // Every line is counted first, then read.
        Assert.Equal(RunWasteAnalysis.ReadingPhase, reports[0].Phase);
        Assert.Equal(lines, reports[0].LinesTotal);
        Assert.All(reports.Skip(1).Where(r => r.Phase != RunWasteAnalysis.ReadingPhase), r => Assert.Equal(lines, r.LinesRead));
        Assert.Equal(reports.Select(r => r.Fraction).Order(), reports.Select(r => r.Fraction));
        Assert.Equal(1, reports[^1].Fraction);
        Assert.Equal("Done", reports[^1].Phase);
        Assert.Contains(reports, r => r.Phase == "Finding duplicate payments");
        Assert.Equal($"Finding duplicate payments ({lines.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} lines)", reports.First(r => r.Phase == "Finding duplicate payments").Message);
    }

    [Fact]
    public async Task Decide_UnknownFinding_Returns404AndStoresNothing()
    {
        using var client = new FormClient(app.BaseAddress);
        var token = await client.TokenFromAsync($"/Waste?place={WebAppFixture.PlaceCode}", Token);
        var before = await app.Store.Waste.ListDecisionsAsync(WebAppFixture.PlaceCode, Token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = token,
            ["Place"] = WebAppFixture.PlaceCode,
            ["key"] = "dup:no-such-finding",
            ["state"] = "Confirmed",
        });

        using var response = await client.Http.PostAsync("/Waste?handler=decide", form, Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before.Count, (await app.Store.Waste.ListDecisionsAsync(WebAppFixture.PlaceCode, Token)).Count);
    }

    /// <summary>Issue 15: a hand-typed lower-case place code is the same place on the decision post as on every
    /// other handler; the decision is kept under the place's code and the page returns to it.</summary>
    [Fact]
    public async Task Decide_LowerCasePlace_IsRecordedForThePlaceAndReturnsToItsCode()
    {
        if ((await app.Store.Waste.ListFindingsAsync(WebAppFixture.PlaceCode, Token)).Count == 0)
        {
            await new RunWasteAnalysis(app.Store, TimeProvider.System).ExecuteAsync(new RunWasteAnalysisRequest(WebAppFixture.PlaceCode, Visibility.All), null, Token);
        }

        var finding = (await app.Store.Waste.ListFindingsAsync(WebAppFixture.PlaceCode, Token))[0];
        using var client = new FormClient(app.BaseAddress);
        var token = await client.TokenFromAsync($"/Waste?place={WebAppFixture.PlaceCode}", Token);
        var note = "typed in lower case " + Guid.NewGuid().ToString("N");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = token,
            ["Place"] = " " + WebAppFixture.PlaceCode.ToLowerInvariant() + " ",
            ["key"] = finding.Key,
            ["state"] = "Open",
            ["note"] = note,
        });

        using var response = await client.Http.PostAsync("/Waste?handler=decide", form, Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Contains($"place={WebAppFixture.PlaceCode}", location, StringComparison.Ordinal);
        var decisions = await app.Store.Waste.ListDecisionsAsync(WebAppFixture.PlaceCode, Token);
        Assert.Contains(decisions, d => d.FindingKey == finding.Key && d.Note == note);
    }

    [Fact]
    public async Task Decide_WithoutAntiforgeryToken_IsRefused()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Place"] = WebAppFixture.PlaceCode,
            ["key"] = "dup:anything",
            ["state"] = "FalsePositive",
        });

        using var response = await app.Client.PostAsync("/Waste?handler=decide", form, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RunAnalysis_WithoutAntiforgeryToken_IsRefused()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["Place"] = WebAppFixture.PlaceCode });

        using var response = await app.Client.PostAsync("/Waste", form, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
