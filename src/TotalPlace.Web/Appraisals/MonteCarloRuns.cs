using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;
using TotalPlace.Web.Jobs;

namespace TotalPlace.Web.Appraisals;

/// <summary>
/// Runs the engine's seeded Monte Carlo (<see cref="MonteCarlo.Run"/>, the same call as the CLI's
/// <c>appraise --monte-carlo</c>) as a background job on the compute lane, and keeps the latest results in memory.
/// </summary>
/// <remarks>
/// <para>The simulation uses every core but one, so requests keep a core while it runs (on a one-core machine it
/// has to share).</para>
/// <para>The engine reports no progress while it runs, so the fraction shown is estimated: a first chunk of 4,096
/// draws is timed and the whole run's time projected from it; the fraction stops at 99% until the run ends. The
/// result is the engine's, for the same proposal, iterations and seed, on any number of cores.</para>
/// </remarks>
public sealed class MonteCarloRuns(JobQueue jobs)
{
    /// <summary>The most iterations the web app runs at once (memory: about 56 bytes an iteration).</summary>
    public const int MaxIterations = 5_000_000;

    /// <summary>Results kept in memory; older runs are forgotten.</summary>
    public const int MaxRuns = 32;

    private const int PilotIterations = 4096;

    private readonly ConcurrentDictionary<string, MonteCarloRun> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MonteCarloResult> _results = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The cores a simulation may use: all but one.</summary>
    public static int DegreeOfParallelism => Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Queues a run of a valid proposal that has an uncertainty list; returns it at once.</summary>
    public MonteCarloRun Start(AppraisalOutcome outcome, int iterations, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var proposal = outcome.Proposal ?? throw new ArgumentException("Only a valid proposal can be simulated.", nameof(outcome));
        if (proposal.Uncertainty.Count == 0)
        {
            throw new ArgumentException("A Monte Carlo run needs an \"uncertainty\" list in the proposal (distributions on inputs).", nameof(outcome));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaxIterations);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var job = jobs.Enqueue(
            $"Monte Carlo: {iterations:N0} runs of {proposal.Name}",
            (progress, cancellationToken) => Task.Run(() => Simulate(id, proposal, iterations, seed, progress, cancellationToken), cancellationToken),
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

    private JobOutcome Simulate(string id, Proposal proposal, int iterations, ulong seed, IProgress<(double, string)> progress, CancellationToken cancellationToken)
    {
        var appraiser = Appraiser.Default;
        var clock = Stopwatch.StartNew();
        progress.Report((0, "Timing a first 4,096 draws to estimate how long the run takes"));
        MonteCarlo.Run(proposal, appraiser, Math.Min(PilotIterations, iterations), seed, DegreeOfParallelism, cancellationToken);
        var estimate = clock.Elapsed * ((double)iterations / Math.Min(PilotIterations, iterations));
        clock.Restart();
        using var timer = new Timer(
            _ =>
            {
                // A pilot too quick to time gives no estimate; say "nearly done" rather than divide by zero.
                var fraction = estimate > TimeSpan.Zero ? Math.Min(0.99, clock.Elapsed / estimate) : 0.99;
                progress.Report((fraction, $"About {fraction * iterations:N0} of {iterations:N0} draws (estimated from the time taken)"));
            },
            null,
            TimeSpan.Zero,
            TimeSpan.FromMilliseconds(250));
        var result = MonteCarlo.Run(proposal, appraiser, iterations, seed, DegreeOfParallelism, cancellationToken);
        timer.Dispose();
        // Keyed by the run's own id, which exists before the job starts (the job's id only once it is queued).
        _results[id] = result;
        return new JobOutcome(
            $"{iterations:N0} draws done in {clock.Elapsed.TotalSeconds:N1} s: fiscal NPV P50 £{result.NpvFiscal.P50:N0}, chance it is positive {result.ProbabilityNpvFiscalPositive:P1}",
            $"/Appraise/MonteCarlo?id={id}");
    }
}
