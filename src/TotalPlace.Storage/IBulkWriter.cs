namespace TotalPlace.Storage;

/// <summary>An engine's bulk row writer (DuckDB's appender, PostgreSQL's binary COPY) in the appender's shape
/// (CreateRow / AppendValue / EndRow), so the shared store code writes rows the same way on every engine.</summary>
/// <remarks>Rows are guaranteed written only after <see cref="Complete"/>; disposing without it may discard them,
/// and the caller's transaction then rolls back.</remarks>
internal interface IBulkWriter : IDisposable
{
    IBulkWriter CreateRow();

    IBulkWriter AppendValue(int value);

    IBulkWriter AppendValue(long value);

    IBulkWriter AppendValue(decimal value);

    IBulkWriter AppendValue(DateOnly value);

    IBulkWriter AppendValue(string? value);

    IBulkWriter EndRow();

    /// <summary>Writes what is left and returns the rows the engine took (PostgreSQL's own COPY count; the appender's
    /// rows ended), which a bulk load of lines checks against the lines read.</summary>
    long Complete();
}
