using System.Security.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using TotalPlace.Application.Spend;
using TotalPlace.Core.Places;
using TotalPlace.Import;
using TotalPlace.Storage.Audit;
using TotalPlace.Testing;
using TotalPlace.Web.Imports;
using TotalPlace.Web.Jobs;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Imports;

/// <summary>The import review's read runs as a background job (issue 15): until it has finished there is no preview
/// and the request gets the job; asking again joins the same read instead of reading twice; the job is its starter's
/// (or an administrator's) like every job; a new mapping is a new read; a committed or cancelled upload is forgotten.</summary>
[Trait("Issue", "15")]
public sealed class UploadPreviewsTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_WhileReading_NoPreviewSameJobOwnersOnly_ThenThePreviewUntilTheMappingChanges()
    {
        using var queue = new JobQueue(TimeProvider.System, NullLogger<JobQueue>.Instance);
        await queue.StartAsync(Token);
        var previews = new UploadPreviews(queue, TimeProvider.System);
        await using var store = await fixture.CreateStoreAsync(Token);
        var importer = new ImportSpendFile(store, TimeProvider.System);
        var bytes = SampleFiles.FirstHalf();
        var upload = new PendingUpload(new string('a', 32), "first-half.csv", WebAppFixture.PlaceCode, WebAppFixture.Agency, AgencyKind.LocalAuthority, UploadKind.Csv, bytes.Length, DateTimeOffset.UtcNow, Owner: "cara");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        async Task<UploadPreview> ReadAsync(IProgress<ImportProgress> progress, CancellationToken ct)
        {
            Interlocked.Increment(ref reads);
            await gate.Task.WaitAsync(ct);
            var request = new ImportSpendFileRequest(upload.PlaceCode, upload.Agency, upload.AgencyKind, SpendFileSource.FromBytes(upload.FileName, bytes), SpendReadOptions.Default);
            return new UploadPreview(await importer.SummariseAsync(request, 20, progress, ct), RawRows.Read(new MemoryStream(bytes), 30));
        }

        JobInfo first;
        JobInfo again;
        using (AuditActor.Use("cara"))
        {
            first = previews.Start(upload, ReadAsync);
            again = previews.Start(upload, ReadAsync);
        }

        Assert.Null(previews.Ready(upload));
        Assert.Equal(first.Id, again.Id);
        Assert.False(queue.Find(first.Id)!.IsFinished);
        Assert.NotNull(queue.FindFor(first.Id, User("cara")));
        Assert.Null(queue.FindFor(first.Id, User("pete")));
        Assert.NotNull(queue.FindFor(first.Id, User("ada", "Administrator")));

        gate.SetResult();
        var finished = await queue.WaitAsync(first.Id, Token);

        Assert.Equal(JobState.Succeeded, finished.State);
        Assert.Equal(1, reads);
        var ready = Assert.IsType<UploadPreview>(previews.Ready(upload));
        Assert.Equal(SampleFiles.IndependentTotal(bytes), ready.Summary.AcceptedTotal);
        Assert.Equal(SampleFiles.DataRows(bytes), ready.Summary.AcceptedCount);
        Assert.Equal(20, ready.Summary.FirstLines.Count);

        var remapped = upload with { MappingJson = "{}" };
        Assert.Null(previews.Ready(remapped));
        Assert.NotEqual(first.Id, previews.Start(remapped, ReadAsync).Id);

        previews.Forget(upload.Id);
        Assert.Null(previews.Ready(upload));
        await queue.StopAsync(Token);
    }

    private static ClaimsPrincipal User(string name, string? role = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        if (role is not null)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
