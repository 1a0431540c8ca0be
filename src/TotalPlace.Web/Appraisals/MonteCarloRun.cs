using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Web.Appraisals;

/// <summary>A Monte Carlo simulation started from the web: its job (for progress) and, when done, its result.</summary>
/// <param name="Id">The run's random id (32 hex digits).</param>
/// <param name="JobId">The background job that runs it.</param>
/// <param name="Outcome">The deterministic appraisal it varies (for the page and the workbook).</param>
public sealed record MonteCarloRun(string Id, string JobId, AppraisalOutcome Outcome, int Iterations, ulong Seed, MonteCarloResult? Result = null);
