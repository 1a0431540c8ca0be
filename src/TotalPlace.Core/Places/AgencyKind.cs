namespace TotalPlace.Core.Places;

/// <summary>The kind of public body that spends money in a place.</summary>
public enum AgencyKind
{
    /// <summary>Not yet stated.</summary>
    Other = 0,
    LocalAuthority,
    Nhs,
    Police,
    FireAndRescue,
    CentralDepartment,
    Education,
    Housing,
    ThirdSector,
}
