namespace TotalPlace.Core.Partnership.Tracking;

/// <summary>Which progress report: the interim report part-way through the term, or the final report at its end.</summary>
public enum ReportKind
{
    /// <summary>Made on the offer's interim report date.</summary>
    Interim = 0,

    /// <summary>Made at the end of the term.</summary>
    Final,
}
