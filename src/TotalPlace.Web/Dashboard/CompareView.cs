namespace TotalPlace.Web.Dashboard;

/// <summary>Spend per head by theme across the places in the store.</summary>
/// <param name="Year">The year compared, or null when each place shows its latest year.</param>
/// <param name="Themes">The theme names, in display order (unclassified last).</param>
public sealed record CompareView(string? Year, IReadOnlyList<string> Themes, IReadOnlyList<ComparePlace> Places);
