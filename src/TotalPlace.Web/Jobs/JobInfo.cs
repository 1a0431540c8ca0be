using System.ComponentModel;

namespace TotalPlace.Web.Jobs;

/// <summary>A background job's progress, as the progress page polls it.</summary>
/// <param name="Id">The job's random identifier.</param>
/// <param name="Title">What the job does, e.g. "Import DCCSpendingOver500_202504.csv".</param>
/// <param name="Fraction">Progress from 0 to 1.</param>
/// <param name="Message">The latest progress or outcome message.</param>
/// <param name="ResultUrl">Where to go when it has finished (e.g. the batch it committed).</param>
public sealed record JobInfo(
    string Id,
    string Title,
    JobState State,
    [property: Description("Progress from 0 to 1.")] double Fraction,
    string Message,
    string? ResultUrl,
    DateTimeOffset Created)
{
    public bool IsFinished => State is JobState.Succeeded or JobState.Failed;
}
