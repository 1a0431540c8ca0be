using TotalPlace.Application.Appraisal;
using TotalPlace.Web.Jobs;

namespace TotalPlace.Web.Appraisals;

/// <summary>What the API says about a Monte Carlo run: its job's progress and, once it has succeeded, the result.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="Job">The background job: state, fraction done, message.</param>
/// <param name="Result">The bands, when the job has succeeded; null before.</param>
public sealed record MonteCarloRunStatus(string Id, JobInfo Job, MonteCarloReport? Result);
