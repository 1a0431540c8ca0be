using Microsoft.Extensions.Logging.Abstractions;
using TotalPlace.Storage.Audit;
using TotalPlace.Web.Jobs;

namespace TotalPlace.Web.Tests.Jobs;

public sealed class JobQueueTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enqueue_UnderAnAuditActor_TheJobRunsAsThatActor()
    {
        using var queue = new JobQueue(TimeProvider.System, NullLogger<JobQueue>.Instance);
        await queue.StartAsync(Token);
        string? seenByJob = null;

        JobInfo job;
        using (AuditActor.Use("alice"))
        {
            job = queue.Enqueue("import", (_, _) =>
            {
                seenByJob = AuditActor.Current;
                return Task.FromResult(new JobOutcome("done", null));
            });
        }

        var finished = await queue.WaitAsync(job.Id, Token);
        await queue.StopAsync(Token);

        Assert.Equal(JobState.Succeeded, finished.State);
        Assert.Equal("alice", seenByJob);
    }

    [Fact]
    public async Task Enqueue_WithNoActor_TheJobHasNoneEither()
    {
        using var queue = new JobQueue(TimeProvider.System, NullLogger<JobQueue>.Instance);
        await queue.StartAsync(Token);
        var seenByJob = "not run";

        var job = queue.Enqueue("import", (_, _) =>
        {
            seenByJob = AuditActor.Current;
            return Task.FromResult(new JobOutcome("done", null));
        });

        var finished = await queue.WaitAsync(job.Id, Token);
        await queue.StopAsync(Token);

        Assert.Equal(JobState.Succeeded, finished.State);
        Assert.Null(seenByJob);
    }
}
