namespace TotalPlace.Web.Jobs;

/// <summary>Which line a background job waits in; each lane runs one job at a time.</summary>
public enum JobLane
{
    /// <summary>Work that writes to the store (import commits): one writer at a time.</summary>
    Store,

    /// <summary>Work that only computes (Monte Carlo simulations): never waits behind an import.</summary>
    Compute,

    /// <summary>Reading an upload for the import review (the preview): off the request path, one at a time, so a
    /// hostile workbook costs one bounded read however many are uploaded, and never waits behind an import.</summary>
    Read,
}
