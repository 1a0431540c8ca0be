namespace TotalPlace.Core.Places;

/// <summary>A public body (or third-sector partner) that spends money in a place.</summary>
/// <param name="Name">The name used in the partnership, e.g. "Manchester City Council".</param>
/// <param name="Kind">What sort of body it is.</param>
/// <param name="FundingSource">Where most of its money comes from.</param>
public sealed record Agency(string Name, AgencyKind Kind, FundingSource FundingSource)
{
    /// <summary>The funding source most bodies of a kind draw on, used when the user does not say.</summary>
    public static FundingSource DefaultFundingSource(AgencyKind kind) => kind switch
    {
        AgencyKind.LocalAuthority => FundingSource.LocalTaxation,
        AgencyKind.Nhs => FundingSource.NhsAllocation,
        AgencyKind.Police or AgencyKind.FireAndRescue => FundingSource.PreceptAndHomeOffice,
        AgencyKind.CentralDepartment => FundingSource.CentralGovernmentDirect,
        AgencyKind.Education or AgencyKind.Housing => FundingSource.CentralGovernmentGrant,
        AgencyKind.ThirdSector => FundingSource.CharitableAndOther,
        _ => FundingSource.Unknown,
    };
}
