namespace TotalPlace.Storage;

/// <summary>A stored transaction with its classification and provenance.</summary>
/// <param name="Id">Unique in the store: the batch id in the high 32 bits and the line's position in the batch in the low.</param>
/// <param name="Theme">The theme code.</param>
/// <param name="BatchId">The batch that loaded it.</param>
/// <param name="FileName">The file it came from.</param>
/// <param name="SourceRow">The 1-based row in that file.</param>
public sealed record TransactionRow(
    long Id,
    string Agency,
    DateOnly Date,
    decimal Amount,
    string? Supplier,
    string? Reference,
    string? ExpenseType,
    string? ExpenseArea,
    string? ServiceCode,
    string Theme,
    long BatchId,
    string FileName,
    int SourceRow,
    string? Description = null,
    string? SupplierId = null);
