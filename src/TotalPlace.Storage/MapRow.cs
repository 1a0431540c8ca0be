using TotalPlace.Core;

namespace TotalPlace.Storage;

/// <summary>One group of the place map. Keys not grouped by are null.</summary>
/// <param name="Theme">The theme code.</param>
/// <param name="Agency">The agency name.</param>
/// <param name="Year">The financial year.</param>
/// <param name="Funding">The agency's funding source name.</param>
/// <param name="Amount">The exact sum of the group.</param>
/// <param name="Lines">Transaction and statement lines counted in the group.</param>
/// <param name="PerHead">Amount per resident for the group's year (or the map's one year); null otherwise.</param>
/// <param name="Source">"statements" or "transactions" when grouped by <see cref="MapDimension.Source"/>.</param>
/// <param name="ThemeName">The theme's display name when grouped by theme.</param>
public sealed record MapRow(
    string? Theme,
    string? Agency,
    FiscalYear? Year,
    string? Funding,
    decimal Amount,
    long Lines,
    decimal? PerHead,
    string? Source = null,
    string? ThemeName = null);
