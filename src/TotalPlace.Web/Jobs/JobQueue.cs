using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace TotalPlace.Web.Jobs;

/// <summary>
/// Runs long work (import commits) one job at a time off the request thread, so the server keeps answering;
/// pages poll a job's progress by its random id.
/// </summary>
/// <remarks>One at a time because every job writes to the store and the embedded engine has a single writer.</remarks>
public sealed partial class JobQueue(TimeProvider clock, ILogger<JobQueue> logger) : BackgroundService
{
    private readonly Channel<(string Id, Func<IProgress<(double, string)>, CancellationToken, Task<JobOutcome>> Work)> _queue =
        Channel.CreateUnbounded<(string, Func<IProgress<(double, string)>, CancellationToken, Task<JobOutcome>>)>();

    private readonly ConcurrentDictionary<string, JobInfo> _jobs = new(StringComparer.Ordinal);

    /// <summary>Queues work and returns its job at once.</summary>
    public JobInfo Enqueue(string title, Func<IProgress<(double Fraction, string Message)>, CancellationToken, Task<JobOutcome>> work)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(work);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var job = new JobInfo(id, title, JobState.Queued, 0, "Waiting to start", null, clock.GetUtcNow());
        _jobs[id] = job;
        if (!_queue.Writer.TryWrite((id, work)))
        {
            throw new InvalidOperationException("The job queue is closed because the server is stopping.");
        }

        return job;
    }

    /// <summary>The job with this id, or null when there is none (ids are never reused).</summary>
    public JobInfo? Find(string id) => _jobs.GetValueOrDefault(id);

    /// <summary>Waits until the job has finished; for tests and the API's synchronous callers.</summary>
    public async Task<JobInfo> WaitAsync(string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var job = Find(id) ?? throw new ArgumentException($"There is no job '{id}'.", nameof(id));
            if (job.IsFinished)
            {
                return job;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (id, work) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            Update(id, j => j with { State = JobState.Running, Message = "Started" });
            var progress = new SynchronousProgress(p => Update(id, j => j.IsFinished ? j : j with { Fraction = Math.Clamp(p.Item1, 0, 1), Message = p.Item2 }));
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

    private void Update(string id, Func<JobInfo, JobInfo> change) => _jobs.AddOrUpdate(id, _ => throw new InvalidOperationException(), (_, j) => change(j));

    [LoggerMessage(Level = LogLevel.Error, Message = "Background job {JobId} failed")]
    private static partial void LogJobFailed(ILogger logger, string jobId, Exception exception);

    // Progress<T> posts to the thread pool, so a report could land after the job is marked finished; this does not.
    private sealed class SynchronousProgress(Action<(double, string)> report) : IProgress<(double, string)>
    {
        public void Report((double, string) value) => report(value);
    }
}
