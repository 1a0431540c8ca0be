namespace TotalPlace.Cli.Infrastructure;

/// <summary>One column of a command's result.</summary>
/// <param name="Header">The heading people read in a table.</param>
/// <param name="Key">The CSV header and JSON property name (camelCase).</param>
/// <param name="Kind">How values are shown.</param>
/// <param name="InTable">False for detail (hashes, references) that would crowd a terminal table but belongs in CSV and JSON.</param>
/// <param name="InData">False for presentation-only cells (shares shown as "12.5%") that CSV and JSON readers can compute.</param>
public sealed record Column(string Header, string Key, ColumnKind Kind = ColumnKind.Text, bool InTable = true, bool InData = true);
