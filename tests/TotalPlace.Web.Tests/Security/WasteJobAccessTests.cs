using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TotalPlace.Web.Jobs;

namespace TotalPlace.Web.Tests.Security;

/// <summary>A waste run started from the page in Accounts mode is a background job that only the person who started
/// it (and an administrator) can follow: its title and messages name the place and how many lines it read.</summary>
[Collection(AccountsCollection.Name)]
public sealed class WasteJobAccessTests(AccountsAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WasteRun_StartedByTheChair_OnlyTheChairAndTheAdministratorSeeTheJob()
    {
        using var chair = await app.SignedInPagesAsync(AccountsAppFixture.Chair);
        var token = await chair.TokenFromAsync($"/Waste?place={AccountsAppFixture.PlaceCode}", Token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = token,
            ["Place"] = AccountsAppFixture.PlaceCode,
        });
        using var started = await chair.Http.PostAsync("/Waste", form, Token);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        var jobId = System.Web.HttpUtility.ParseQueryString(location[(location.IndexOf('?', StringComparison.Ordinal) + 1)..])["job"]!;
        var job = await app.Services.GetRequiredService<JobQueue>().WaitAsync(jobId, Token);
        Assert.Equal(JobState.Succeeded, job.State);

        using var admin = await app.SignedInPagesAsync(AccountsAppFixture.Admin);
        using var chairApi = await app.ClientForAsync(AccountsAppFixture.Chair);
        using var adminApi = await app.ClientForAsync(AccountsAppFixture.Admin);
        using var analystApi = await app.ClientForAsync(AccountsAppFixture.CouncilAnalyst);

        using var chairPage = await chair.Http.GetAsync(location, Token);
        using var adminPage = await admin.Http.GetAsync(location, Token);
        using var chairJob = await chairApi.GetAsync($"/api/jobs/{jobId}", Token);
        using var adminJob = await adminApi.GetAsync($"/api/jobs/{jobId}", Token);
        using var analystJob = await analystApi.GetAsync($"/api/jobs/{jobId}", Token);

        Assert.Equal(HttpStatusCode.OK, chairPage.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(job.Message), await chairPage.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, chairJob.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminJob.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, analystJob.StatusCode);
    }
}
