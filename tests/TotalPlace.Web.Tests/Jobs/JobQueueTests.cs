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

    [Fact]
    public async Task StopAsync_WithAJobQueuedBehindARunningOne_TheQueuedJobFailsAndItsWaitReturns()
    {
        using var queue = new JobQueue(TimeProvider.System, NullLogger<JobQueue>.Instance);
        await queue.StartAsync(Token);
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ranBehind = false;

        var blocking = queue.Enqueue("import", async (_, ct) =>
        {
            running.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return new JobOutcome("never", null);
        });
        await running.Task.WaitAsync(Token);
        var behind = queue.Enqueue("import", (_, _) =>
        {
            ranBehind = true;
            return Task.FromResult(new JobOutcome("done", null));
        });
        var waiting = queue.WaitAsync(behind.Id, Token);
        await queue.StopAsync(Token);

        var finished = await waiting;
        Assert.Equal(JobState.Failed, finished.State);
        Assert.Contains("stopped before this job ran", finished.Message, StringComparison.Ordinal);
        Assert.False(ranBehind);
        Assert.Equal(finished, queue.Find(behind.Id));
        var stopped = await queue.WaitAsync(blocking.Id, Token);
        Assert.Equal(JobState.Failed, stopped.State);
        Assert.Contains("stopped before the job finished", stopped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAsync_WithJobsQueuedOnEveryLane_EachFails()
    {
        using var queue = new JobQueue(TimeProvider.System, NullLogger<JobQueue>.Instance);
        await queue.StartAsync(Token);
        var lanes = new[] { JobLane.Store, JobLane.Compute, JobLane.Read };
        var running = lanes.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        for (var i = 0; i < lanes.Length; i++)
        {
            var started = running[i];
            queue.Enqueue("blocking", async (_, ct) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
                return new JobOutcome("never", null);
            }, lanes[i]);
        }

        await Task.WhenAll(running.Select(r => r.Task)).WaitAsync(Token);
        var behind = lanes.Select(lane => queue.Enqueue("behind", (_, _) => Task.FromResult(new JobOutcome("done", null)), lane)).ToList();
        await queue.StopAsync(Token);

        foreach (var job in behind)
        {
            var finished = await queue.WaitAsync(job.Id, Token);
            Assert.Equal(JobState.Failed, finished.State);
        }
    }

    [Fact]
    public async Task Enqueue_AfterTheQueueStopped_IsRefused()
    {
        using var queue = new JobQueue(TimeProvider.System, NullLogger<JobQueue>.Instance);
        await queue.StartAsync(Token);
        var ran = queue.Enqueue("first", (_, _) => Task.FromResult(new JobOutcome("done", null)));
        Assert.Equal(JobState.Succeeded, (await queue.WaitAsync(ran.Id, Token)).State);
        await queue.StopAsync(Token);

        Assert.Throws<InvalidOperationException>(() => queue.Enqueue("late", (_, _) => Task.FromResult(new JobOutcome("done", null))));
        Assert.Throws<InvalidOperationException>(() => queue.Enqueue("late", (_, _) => Task.FromResult(new JobOutcome("done", null)), JobLane.Compute));
        Assert.NotNull(queue.Find(ran.Id));
    }
}
