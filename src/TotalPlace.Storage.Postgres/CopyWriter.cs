using Npgsql;
using NpgsqlTypes;

namespace TotalPlace.Storage.Postgres;

/// <summary>Binary COPY with the shape of DuckDB's appender (CreateRow / AppendValue / EndRow), so both engines' bulk
/// paths read the same. Rows are sent only when <see cref="Complete"/> is called; disposing without it cancels the
/// COPY, and the caller's transaction rolls back.</summary>
internal sealed class CopyWriter : IBulkWriter
{
    private readonly NpgsqlBinaryImporter _importer;

    private CopyWriter(NpgsqlBinaryImporter importer) => _importer = importer;

    public static CopyWriter Begin(NpgsqlConnection connection, string table) =>
        new(connection.BeginBinaryImport($"COPY {table} FROM STDIN (FORMAT BINARY)"));

    public IBulkWriter CreateRow()
    {
        _importer.StartRow();
        return this;
    }

    public IBulkWriter AppendValue(int value)
    {
        _importer.Write(value, NpgsqlDbType.Integer);
        return this;
    }

    public IBulkWriter AppendValue(long value)
    {
        _importer.Write(value, NpgsqlDbType.Bigint);
        return this;
    }

    public IBulkWriter AppendValue(decimal value)
    {
        _importer.Write(value, NpgsqlDbType.Numeric);
        return this;
    }

    public IBulkWriter AppendValue(DateOnly value)
    {
        _importer.Write(value, NpgsqlDbType.Date);
        return this;
    }

    public IBulkWriter AppendValue(string? value)
    {
        if (value is null)
        {
            _importer.WriteNull();
        }
        else
        {
            _importer.Write(value, NpgsqlDbType.Text);
        }

        return this;
    }

    public IBulkWriter EndRow() => this;

    public long Complete() => checked((long)_importer.Complete());

    public void Dispose() => _importer.Dispose();
}
