using System.Globalization;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Application.Appraisal;

/// <summary>What a Monte Carlo run was asked for.</summary>
/// <param name="Proposal">A valid proposal (from <see cref="AppraiseProposal.Evaluate"/>) with an uncertainty list.</param>
/// <param name="Iterations">Draws, 1 to <see cref="RunMonteCarlo.MaxIterations"/>.</param>
/// <param name="Seed">The generator's seed: the same seed, proposal and iterations give the same result on any number of cores.</param>
/// <param name="MaxDegreeOfParallelism">Cores the simulation may use; -1 for the engine's default (every core).</param>
/// <param name="MaxIterations">The most draws this host allows: <see cref="RunMonteCarlo.MaxIterations"/> on one's own
/// machine, <see cref="RunMonteCarlo.MaxSharedIterations"/> on a server that others use.</param>
public sealed record RunMonteCarloRequest(Proposal Proposal, int Iterations, ulong Seed = 1, int MaxDegreeOfParallelism = -1, int MaxIterations = RunMonteCarlo.MaxIterations);

/// <summary>A finished run: the engine's result and how long the full run took.</summary>
public sealed record MonteCarloOutcome(MonteCarloResult Result, TimeSpan Elapsed)
{
    /// <summary>One line for a person: "10,000 draws done in 1.2 s: fiscal NPV P50 £120,000, chance it is positive 84.0%".</summary>
    public string Summary => string.Create(
        CultureInfo.CurrentCulture,
        $"{Result.Iterations:N0} draws done in {Elapsed.TotalSeconds:N1} s: fiscal NPV P50 £{Result.NpvFiscal.P50:N0}, chance it is positive {Result.ProbabilityNpvFiscalPositive:P1}");

    /// <summary>The bands as the API and the pages show them (no NaN).</summary>
    public MonteCarloReport Report => MonteCarloReport.From(Result);
}

/// <summary>Where a run is: the share done (estimated: the engine reports no progress) and a line for a person.</summary>
public sealed record MonteCarloProgress(double Fraction, string Message);

/// <summary>The request cannot be simulated: no uncertainty list, or too many or too few draws. The message is one line
/// for the person who asked; <see cref="Field"/> names the input at fault (<c>uncertainty</c>, <c>iterations</c>).</summary>
public sealed class MonteCarloRefusedException : Exception
{
    public MonteCarloRefusedException(string field, string message)
        : base(message) => Field = field;

    public MonteCarloRefusedException()
    {
    }

    public MonteCarloRefusedException(string message)
        : base(message)
    {
    }

    public MonteCarloRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The input at fault.</summary>
    public string Field { get; } = "";
}

/// <summary>The use case "run Monte Carlo on a proposal": checks the request (an uncertainty list, 1 to
/// the host's most draws) and runs the engine's seeded simulation (<see cref="MonteCarlo.Run"/>), with an
/// estimated progress when asked for. The CLI's <c>appraise --monte-carlo</c> and the web's background runner (the
/// appraisal page and API) call it.</summary>
/// <remarks>The engine reports no progress while it runs, so the fraction is estimated: a first chunk of
/// <see cref="PilotIterations"/> draws is timed and the whole run's time projected from it; the fraction stops at 99%
/// until the run ends. The pilot is only run when progress is asked for; the result is the engine's either way.</remarks>
public sealed class RunMonteCarlo(TimeProvider clock, Appraiser? appraiser = null)
{
    /// <summary>The most iterations a run may have on one's own machine (the CLI; memory: about 56 bytes an
    /// iteration, so about 2.8 GB).</summary>
    public const int MaxIterations = 50_000_000;

    /// <summary>The most iterations one request runs on a server others share (the web app: about 280 MB).</summary>
    public const int MaxSharedIterations = 5_000_000;

    /// <summary>Draws timed first to estimate the run's length, when progress is reported.</summary>
    public const int PilotIterations = 4096;

    /// <summary>How often the estimated progress is reported.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly Appraiser _appraiser = appraiser ?? Appraiser.Default;

    /// <summary>Checks the request without running it: what a host calls before queueing a run in the background.</summary>
    /// <exception cref="MonteCarloRefusedException">No uncertainty list, or the draws are out of range.</exception>
    public static void Check(Proposal proposal, int iterations, int maxIterations = MaxIterations)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (proposal.Uncertainty.Count == 0)
        {
            throw new MonteCarloRefusedException("uncertainty", "A Monte Carlo run needs an \"uncertainty\" list in the proposal (distributions on inputs).");
        }

        if (iterations < 1 || iterations > Math.Min(maxIterations, MaxIterations))
        {
            throw new MonteCarloRefusedException("iterations", string.Create(CultureInfo.GetCultureInfo("en-GB"), $"Run between 1 and {Math.Min(maxIterations, MaxIterations):N0} draws."));
        }
    }

    /// <summary>Runs the simulation on the calling thread (it is CPU-bound: a host that must stay responsive runs it on
    /// a worker).</summary>
    /// <exception cref="MonteCarloRefusedException">No uncertainty list, or the draws are out of range.</exception>
    public MonteCarloOutcome Execute(RunMonteCarloRequest request, IProgress<MonteCarloProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Check(request.Proposal, request.Iterations, request.MaxIterations);
        var iterations = request.Iterations;
        var estimate = TimeSpan.Zero;
        if (progress is not null)
        {
            progress.Report(new MonteCarloProgress(0, string.Create(CultureInfo.CurrentCulture, $"Timing a first {PilotIterations:N0} draws to estimate how long the run takes")));
            var pilotStart = clock.GetTimestamp();
            MonteCarlo.Run(request.Proposal, _appraiser, Math.Min(PilotIterations, iterations), request.Seed, request.MaxDegreeOfParallelism, cancellationToken);
            estimate = clock.GetElapsedTime(pilotStart) * ((double)iterations / Math.Min(PilotIterations, iterations));
        }

        var start = clock.GetTimestamp();
        using (progress is null ? null : clock.CreateTimer(
            _ =>
            {
                // A pilot too quick to time gives no estimate; say "nearly done" rather than divide by zero.
                var fraction = estimate > TimeSpan.Zero ? Math.Min(0.99, clock.GetElapsedTime(start) / estimate) : 0.99;
                progress.Report(new MonteCarloProgress(fraction, string.Create(CultureInfo.CurrentCulture, $"About {fraction * iterations:N0} of {iterations:N0} draws (estimated from the time taken)")));
            },
            null,
            TimeSpan.Zero,
            ProgressInterval))
        {
            var result = MonteCarlo.Run(request.Proposal, _appraiser, iterations, request.Seed, request.MaxDegreeOfParallelism, cancellationToken);
            return new MonteCarloOutcome(result, clock.GetElapsedTime(start));
        }
    }
}
