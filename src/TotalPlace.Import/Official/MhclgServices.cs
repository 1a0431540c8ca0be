namespace TotalPlace.Import.Official;

/// <summary>A service line of the MHCLG revenue returns.</summary>
/// <param name="Code">The code inside the RS/RSX asset codes, e.g. "pol" in "RS-pol-net-exp".</param>
/// <param name="Service">The line as published.</param>
/// <param name="Theme">The theme it maps to.</param>
/// <param name="BudgetCode">The RA asset code of the same line's total, e.g. "poltot".</param>
public sealed record MhclgService(string Code, string Service, string Theme, string BudgetCode);

/// <summary>The thirteen service lines the MHCLG revenue returns share (RO form lines 190 to 698) and the theme
/// each maps to.</summary>
public static class MhclgServices
{
    /// <summary>The name of line 699 (799 in RA).</summary>
    public const string TotalService = "Total service expenditure";

    /// <summary>The lines, in form order.</summary>
    public static IReadOnlyList<MhclgService> Lines { get; } =
    [
        new("edu", "Education services", "children-young-people", "edutot"),
        new("trans", "Highways and transport services", "environment-transport", "transtot"),
        new("csc", "Children social care", "children-young-people", "csctot"),
        new("asc", "Adult social care", "health-social-care", "asctot"),
        new("phs", "Public health", "health-inequalities", "phtot"),
        new("hous", "Housing services (GFRA only)", "housing", "housgfcftot"),
        new("cul", "Cultural and related services", "culture-leisure", "cultot"),
        new("env", "Environmental and regulatory services", "environment-transport", "envtot"),
        new("plan", "Planning and development services", "environment-transport", "plantot"),
        new("pol", "Police services", "community-safety", "poltot"),
        new("frs", "Fire and rescue services", "community-safety", "frstot"),
        new("cen", "Central services", "corporate-back-office", "centot"),
        new("oth", "Other services", "unclassified", "othtot"),
    ];
}
