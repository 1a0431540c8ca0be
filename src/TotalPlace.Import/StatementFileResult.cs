using TotalPlace.Core.Spending;

namespace TotalPlace.Import;

/// <summary>Everything read from one spend statement file (aggregate budgets, outturn and benefits paid).</summary>
public sealed record StatementFileResult
{
    public required string FileName { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public required string Sha256 { get; init; }

    public required SpendFileFormat Format { get; init; }

    public required string Encoding { get; init; }

    public char? Delimiter { get; init; }

    public int HeaderRow { get; init; }

    /// <summary>Non-blank rows after the header.</summary>
    public int RowsRead { get; init; }

    public required IReadOnlyList<SpendStatement> Statements { get; init; }

    public required IReadOnlyList<ImportError> Errors { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The exact sum of <see cref="Statements"/>.</summary>
    public decimal Total { get; init; }

    public bool IsValid => Errors.Count == 0;
}
