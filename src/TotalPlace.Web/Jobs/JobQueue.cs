using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Web.Jobs;

/// <summary>
/// Runs long work (import commits, Monte Carlo simulations) off the request thread, so the server keeps answering;
/// pages poll a job's progress by its random id.
/// </summary>
/// <remarks>Each <see cref="JobLane"/> runs one job at a time: store jobs because the embedded engine has a single
/// writer, compute jobs so that two simulations never take every core from the requests. A simulation therefore never
/// waits behind an import, nor an import behind a simulation.</remarks>
public sealed partial class JobQueue(TimeProvider clock, ILogger<JobQueue> logger) : BackgroundService
{
    private readonly Channel<(string Id, Func<IProgress<(double, string)>, CancellationToken, Task<JobOutcome>> Work)> _queue =
        Channel.CreateUnbounded<(string, Func<IProgress<(double, string)>, CancellationToken, Task<JobOutcome>>)>();

    private readonly Channel<(string Id, Func<IProgress<(double, string)>, CancellationToken, Task<JobOutcome>> Work)> _compute =
        Channel.CreateUnbounded<(string, Func<IProgress<(double, string)>, CancellationToken, Task<JobOutcome>>)>();

    private readonly Channel<(string Id, Func<IProgress<(double, string)>, CancellationToken, Task<JobOutcome>> Work)> _read =
        Channel.CreateUnbounded<(string, Func<IProgress<(double, string)>, CancellationToken, Task<JobOutcome>>)>();

    private readonly ConcurrentDictionary<string, JobInfo> _jobs = new(StringComparer.Ordinal);

    // Who asked for each job (the audit actor when it was queued): a job's title and message name files and batches.
    private readonly ConcurrentDictionary<string, string> _owners = new(StringComparer.Ordinal);

    // Completed with the job's last state when it succeeds or fails: what WaitAsync awaits, instead of polling.
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JobInfo>> _finished = new(StringComparer.Ordinal);

    private const string StoppedBeforeItRan = "The server stopped before this job ran; nothing was stored.";

    /// <summary>Queues work that writes to the store and returns its job at once.</summary>
    public JobInfo Enqueue(string title, Func<IProgress<(double Fraction, string Message)>, CancellationToken, Task<JobOutcome>> work) =>
        Enqueue(title, work, JobLane.Store);

    /// <summary>Queues work on a lane and returns its job at once.</summary>
    /// <exception cref="InvalidOperationException">The server is stopping, so the queue takes no more jobs.</exception>
    public JobInfo Enqueue(string title, Func<IProgress<(double Fraction, string Message)>, CancellationToken, Task<JobOutcome>> work, JobLane lane)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(work);
        // The job runs later on the queue's own flow, where the request's ambient actor is gone: carry it over, so
        // what the job changes is on the audit trail under the person who asked for it, not as "system".
        if (AuditActor.Current is { } actor)
        {
            var asked = work;
            work = async (progress, cancellationToken) =>
            {
                using (AuditActor.Use(actor))
                {
                    return await asked(progress, cancellationToken);
                }
            };
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var job = new JobInfo(id, title, JobState.Queued, 0, "Waiting to start", null, clock.GetUtcNow());
        _finished[id] = new TaskCompletionSource<JobInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        _jobs[id] = job;
        _owners[id] = AuditActor.Current ?? AuditActor.System;
        var channel = lane switch
        {
            JobLane.Compute => _compute,
            JobLane.Read => _read,
            _ => _queue,
        };
        if (!channel.Writer.TryWrite((id, work)))
        {
            // The lane has closed (the server is stopping): nothing will run this job, so it is not kept either, and
            // anything already waiting on it learns at once that it failed.
            _jobs.TryRemove(id, out _);
            _owners.TryRemove(id, out _);
            if (_finished.TryRemove(id, out var finished))
            {
                finished.TrySetResult(job with { State = JobState.Failed, Message = StoppedBeforeItRan });
            }

            throw new InvalidOperationException("The job queue is closed because the server is stopping.");
        }

        return job;
    }

    /// <summary>The job with this id, or null when there is none (ids are never reused).</summary>
    public JobInfo? Find(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>The job with this id when <paramref name="reader"/> may see it: the person who queued it, or an
    /// administrator; null otherwise, so that another user cannot even learn the id exists.</summary>
    public JobInfo? FindFor(string id, System.Security.Claims.ClaimsPrincipal reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Find(id) is { } job
            && (reader.IsInRole(nameof(Storage.Identity.UserRole.Administrator))
                || (reader.Identity?.Name is { Length: > 0 } name && _owners.TryGetValue(id, out var owner) && string.Equals(owner, name, StringComparison.Ordinal)))
            ? job
            : null;
    }

    /// <summary>Waits until the job has finished; for tests and the API's synchronous callers.</summary>
    public Task<JobInfo> WaitAsync(string id, CancellationToken cancellationToken) =>
        _finished.TryGetValue(id, out var finished)
            ? finished.Task.WaitAsync(cancellationToken)
            : throw new ArgumentException($"There is no job '{id}'.", nameof(id));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(RunLaneAsync(_queue, stoppingToken), RunLaneAsync(_compute, stoppingToken), RunLaneAsync(_read, stoppingToken));

    private async Task RunLaneAsync(
        Channel<(string Id, Func<IProgress<(double, string)>, CancellationToken, Task<JobOutcome>> Work)> lane,
        CancellationToken stoppingToken)
    {
        try
        {
            // Off the caller's thread at once, so a job whose work is synchronous never holds up the other lane or the start.
            await Task.Yield();
            await foreach (var (id, work) in lane.Reader.ReadAllAsync(stoppingToken))
            {
                // The reader still hands out what is buffered after the stop: such a job is not started.
                if (stoppingToken.IsCancellationRequested)
                {
                    Update(id, j => j with { State = JobState.Failed, Message = StoppedBeforeItRan });
                    break;
                }

                Update(id, j => j with { State = JobState.Running, Message = "Started" });
                var progress = new SynchronousProgress<(double, string)>(p => Update(id, j => j.IsFinished ? j : j with { Fraction = Math.Clamp(p.Item1, 0, 1), Message = p.Item2 }));
                try
                {
                    var outcome = await work(progress, stoppingToken);
                    Update(id, j => j with { State = JobState.Succeeded, Fraction = 1, Message = outcome.Message, ResultUrl = outcome.ResultUrl });
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    Update(id, j => j with { State = JobState.Failed, Message = "The server stopped before the job finished; nothing was stored." });
                    throw;
                }
#pragma warning disable CA1031 // A failed job is reported on its progress page; the queue carries on with the next.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogJobFailed(logger, id, ex);
                    Update(id, j => j with { State = JobState.Failed, Message = ex.Message });
                }
            }
        }
        finally
        {
            // The lane is over, however it ended. Closed first, so that Enqueue refuses a job from now on instead of
            // queuing it where nothing reads; then every job still waiting fails, so that WaitAsync on it returns.
            lane.Writer.TryComplete();
            while (lane.Reader.TryRead(out var left))
            {
                Update(left.Id, j => j with { State = JobState.Failed, Message = StoppedBeforeItRan });
            }
        }
    }

    private void Update(string id, Func<JobInfo, JobInfo> change)
    {
        var job = _jobs.AddOrUpdate(id, _ => throw new InvalidOperationException(), (_, j) => change(j));
        if (job.IsFinished && _finished.TryGetValue(id, out var finished))
        {
            finished.TrySetResult(job);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background job {JobId} failed")]
    private static partial void LogJobFailed(ILogger logger, string jobId, Exception exception);
}
