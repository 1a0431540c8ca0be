namespace TotalPlace.Import.Packages;

/// <summary>One file of a place package, as the package describes it.</summary>
/// <param name="Path">The path relative to the package folder, with forward slashes.</param>
/// <param name="Role">What the file is for.</param>
/// <param name="Period">"2023-04" for a month, "2023-04..2024-03" for a span, "2023-24" for a financial year.</param>
/// <param name="Sheets">The workbook sheets to read, in order; empty to let the reader choose.</param>
/// <param name="SelectSheet">For a return: the sheet holding the table.</param>
/// <param name="SelectColumn">For a return or allocation: the column that selects the partner's rows (e.g. "ONS Code").</param>
/// <param name="SelectValue">The value selected (the partner's code in that file).</param>
/// <param name="Sha256">The expected SHA-256 of the file's bytes, when the package states it.</param>
public sealed record PackageFile(
    string Path,
    PackageFileRole Role,
    string Period,
    IReadOnlyList<string> Sheets,
    string? SelectSheet,
    string? SelectColumn,
    string? SelectValue,
    string? Sha256);
