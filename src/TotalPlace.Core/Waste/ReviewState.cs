namespace TotalPlace.Core.Waste;

/// <summary>Where a finding stands with its reviewer.</summary>
public enum ReviewState
{
    /// <summary>Not yet reviewed.</summary>
    Open,

    /// <summary>The reviewer agrees: it is waste to act on.</summary>
    Confirmed,

    /// <summary>The reviewer rejected it; later runs keep it out of the list.</summary>
    FalsePositive,
}
