using System.Collections.Concurrent;
using System.Security.Cryptography;
using TotalPlace.Application.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;
using TotalPlace.Web.Jobs;

namespace TotalPlace.Web.Appraisals;

/// <summary>
/// Runs the application's Monte Carlo use case (<see cref="RunMonteCarlo"/>, the same as the CLI's
/// <c>appraise --monte-carlo</c>) as a background job on the compute lane, and keeps the latest results in memory.
/// </summary>
/// <remarks>
/// <para>The simulation uses every core but one, so requests keep a core while it runs (on a one-core machine it
/// has to share). The use case checks the request, estimates the progress and runs the engine; this class only queues
/// it and remembers the result.</para>
/// </remarks>
public sealed class MonteCarloRuns(JobQueue jobs, TimeProvider clock)
{
    /// <summary>The most iterations the web app runs at once (the use case's limit for a shared server).</summary>
    public const int MaxIterations = RunMonteCarlo.MaxSharedIterations;

    /// <summary>Results kept in memory; older runs are forgotten.</summary>
    public const int MaxRuns = 32;

    private readonly ConcurrentDictionary<string, MonteCarloRun> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MonteCarloResult> _results = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The cores a simulation may use: all but one.</summary>
    public static int DegreeOfParallelism => Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Queues a run of a valid proposal that has an uncertainty list; returns it at once.</summary>
    /// <exception cref="MonteCarloRefusedException">No uncertainty list, or the draws are out of range.</exception>
    public MonteCarloRun Start(AppraisalOutcome outcome, int iterations, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var proposal = outcome.Proposal ?? throw new ArgumentException("Only a valid proposal can be simulated.", nameof(outcome));
        RunMonteCarlo.Check(proposal, iterations, MaxIterations);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var request = new RunMonteCarloRequest(proposal, iterations, seed, DegreeOfParallelism, MaxIterations);
        var job = jobs.Enqueue(
            $"Monte Carlo: {iterations:N0} runs of {proposal.Name}",
            (progress, cancellationToken) => Task.Run(() => Simulate(id, request, progress, cancellationToken), cancellationToken),
            JobLane.Compute);
        var run = new MonteCarloRun(id, job.Id, outcome, iterations, seed);
        _runs[id] = run;
        _order.Enqueue(id);
        while (_order.Count > MaxRuns && _order.TryDequeue(out var old))
        {
            _runs.TryRemove(old, out _);
            _results.TryRemove(old, out _);
        }

        return run;
    }

    /// <summary>The run with this id, or null (unknown, or forgotten).</summary>
    public MonteCarloRun? Find(string id) =>
        _runs.TryGetValue(id, out var run) ? run with { Result = _results.GetValueOrDefault(id) } : null;

    private JobOutcome Simulate(string id, RunMonteCarloRequest request, IProgress<(double, string)> progress, CancellationToken cancellationToken)
    {
        var done = new RunMonteCarlo(clock).Execute(request, new Reporter(p => progress.Report((p.Fraction, p.Message))), cancellationToken);
        // Keyed by the run's own id, which exists before the job starts (the job's id only once it is queued).
        _results[id] = done.Result;
        return new JobOutcome(done.Summary, $"/Appraise/MonteCarlo?id={id}");
    }

    /// <summary>Passes each report on at once, on the reporting thread.</summary>
    private sealed class Reporter(Action<MonteCarloProgress> report) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => report(value);
    }
}
