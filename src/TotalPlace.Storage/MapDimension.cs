namespace TotalPlace.Storage;

/// <summary>A dimension of the place map.</summary>
public enum MapDimension
{
    /// <summary>The theme code (classification).</summary>
    Theme,

    /// <summary>The spending agency.</summary>
    Agency,

    /// <summary>The financial year.</summary>
    Year,

    /// <summary>The agency's funding source (<see cref="Core.Places.FundingSource"/>), the left of the funding Sankey.</summary>
    Funding,

    /// <summary>Whether the money was counted from statements or from transactions (see <see cref="MapSource"/>).</summary>
    Source,
}
