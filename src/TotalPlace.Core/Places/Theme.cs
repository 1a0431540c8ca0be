namespace TotalPlace.Core.Places;

/// <summary>A theme of public service, the unit a Total Place count is drawn by ("housing", "offender management").</summary>
/// <param name="Code">A short stable identifier, kebab-case, e.g. "worklessness-skills".</param>
/// <param name="Name">The name people read.</param>
public sealed record Theme(string Code, string Name)
{
    /// <summary>The theme for spend that no rule has classified; shown as such and never dropped.</summary>
    public static readonly Theme Unclassified = new("unclassified", "Unclassified");

    /// <summary>The default set, drawn from the Total Place pilots' themes. Users may add more.</summary>
    public static readonly IReadOnlyList<Theme> Defaults =
    [
        new("children-young-people", "Children and young people"),
        new("worklessness-skills", "Worklessness and skills"),
        new("housing", "Housing"),
        new("drugs-alcohol", "Drugs and alcohol"),
        new("offender-management", "Offender management"),
        new("health-social-care", "Health and social care"),
        new("health-inequalities", "Health inequalities"),
        new("community-safety", "Community safety"),
        new("environment-transport", "Environment and transport"),
        new("culture-leisure", "Culture and leisure"),
        new("corporate-back-office", "Corporate and back office"),
        new("welfare-benefits", "Welfare and benefits"),
        Unclassified,
    ];
}
