using TotalPlace.Core.Counting;

namespace TotalPlace.Import.Official;

/// <summary>What was read from an official return for the bodies asked for.</summary>
/// <param name="FileName">The file name as given.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Return">The return's short name.</param>
/// <param name="Statements">One statement per body and column read, in file order.</param>
/// <param name="BodiesInFile">How many body rows the file's table holds (England and class totals excluded).</param>
/// <param name="NotFound">Codes asked for that the file has no row for.</param>
/// <param name="NotReported">Cells left blank or marked ("...", "Category discontinued") for the bodies asked for: not
/// counted, and said so.</param>
/// <param name="Errors">Problems that stop the file being used, each naming file, row and column.</param>
public sealed record OfficialReturnResult(
    string FileName,
    string Sha256,
    string Return,
    IReadOnlyList<OfficialStatement> Statements,
    int BodiesInFile,
    IReadOnlyList<string> NotFound,
    IReadOnlyList<ImportError> NotReported,
    IReadOnlyList<ImportError> Errors)
{
    /// <summary>True when the file could be read and every body asked for was found.</summary>
    public bool IsValid => Errors.Count == 0 && NotFound.Count == 0;

    /// <summary>The body's whole-body total for a measure (the return's total column), or null.</summary>
    public decimal? Total(string bodyCode, StatementMeasure measure) =>
        Statements.FirstOrDefault(s => s.IsTotal && s.Measure == measure && string.Equals(s.BodyCode, bodyCode, StringComparison.OrdinalIgnoreCase))?.Amount;
}
