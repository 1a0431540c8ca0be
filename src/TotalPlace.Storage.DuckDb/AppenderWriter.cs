using DuckDB.NET.Data;

namespace TotalPlace.Storage.DuckDb;

/// <summary>DuckDB's appender behind the shared <see cref="IBulkWriter"/>: rows are flushed when the appender is
/// disposed, so <see cref="Complete"/> has nothing to do.</summary>
internal sealed class AppenderWriter(DuckDBAppender appender) : IBulkWriter
{
    private IDuckDBAppenderRow? _row;
    private long _rows;

    private IDuckDBAppenderRow Row => _row ?? throw new InvalidOperationException("CreateRow must be called before appending values.");

    public IBulkWriter CreateRow()
    {
        _row = appender.CreateRow();
        return this;
    }

    public IBulkWriter AppendValue(int value)
    {
        Row.AppendValue(value);
        return this;
    }

    public IBulkWriter AppendValue(long value)
    {
        Row.AppendValue(value);
        return this;
    }

    public IBulkWriter AppendValue(decimal value)
    {
        Row.AppendValue(value);
        return this;
    }

    public IBulkWriter AppendValue(DateOnly value)
    {
        Row.AppendValue(value);
        return this;
    }

    public IBulkWriter AppendValue(string? value)
    {
        Row.AppendValue(value);
        return this;
    }

    public IBulkWriter EndRow()
    {
        Row.EndRow();
        _row = null;
        _rows++;
        return this;
    }

    /// <remarks>DuckDB.NET's appender flushes on dispose and reports no count, so this is the rows ended.</remarks>
    public long Complete() => _rows;

    public void Dispose() => appender.Dispose();
}
