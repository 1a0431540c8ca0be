namespace TotalPlace.Web.Jobs;

/// <summary>Where a background job is.</summary>
public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
