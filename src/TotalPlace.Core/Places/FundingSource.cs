namespace TotalPlace.Core.Places;

/// <summary>Where an agency's money ultimately comes from; the left-hand side of the place's funding Sankey.</summary>
public enum FundingSource
{
    /// <summary>Not yet stated.</summary>
    Unknown = 0,

    /// <summary>Council tax, business rates retained, fees and charges raised locally.</summary>
    LocalTaxation,

    /// <summary>Grants from central government departments (revenue support, specific grants).</summary>
    CentralGovernmentGrant,

    /// <summary>NHS allocations from NHS England / the Department of Health and Social Care.</summary>
    NhsAllocation,

    /// <summary>Spend by central departments directly in the place (benefits, courts, job centres).</summary>
    CentralGovernmentDirect,

    /// <summary>Police and fire precepts plus Home Office grant.</summary>
    PreceptAndHomeOffice,

    /// <summary>Charitable, lottery and other non-public income of third-sector partners.</summary>
    CharitableAndOther,
}
