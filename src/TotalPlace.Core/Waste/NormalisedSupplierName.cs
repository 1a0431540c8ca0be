namespace TotalPlace.Core.Waste;

/// <summary>A supplier name reduced to the form that is compared, with what was taken off it.</summary>
/// <param name="Raw">The name as published.</param>
/// <param name="Key">The core name: upper case, no punctuation, legal suffixes and "THE" removed, abbreviations expanded,
/// runs of single letters joined ("E D F" becomes "EDF"). Computed for every kind; only organisations are matched.</param>
/// <param name="Qualifier">Text in brackets or after a slash ("(RADIUS A/C", "/CLIENT"), normalised the same way; empty when none.</param>
/// <param name="TradingName">The trading name after "T/A" or "TRADING AS", normalised; empty when none.</param>
/// <param name="Kind">Whether the entry is an organisation, redacted, personal or missing.</param>
/// <param name="RedirectId">A vendor id the publisher points to in the name ("**USE 114029**"), when present.</param>
public sealed record NormalisedSupplierName(
    string Raw,
    string Key,
    string Qualifier,
    string TradingName,
    SupplierEntryKind Kind,
    string? RedirectId)
{
    /// <summary>The key's tokens.</summary>
    public IReadOnlyList<string> Tokens => Key.Length == 0 ? [] : Key.Split(' ');
}
