using System.Text;

namespace TotalPlace.Storage;

public abstract partial class SqlPlaceStore<TConnection>
{
    // PostgreSQL allows 65,535 parameters a statement; a few hundred rows a statement is already far past the point
    // where round trips stop mattering.
    private const int RowsPerInsert = 500;

    /// <summary>Inserts rows of small tables (findings, assets, offer rows) with multi-row VALUES statements: portable
    /// SQL, a round trip per few hundred rows, and values of any type (the bulk writers take only the line tables'
    /// types).</summary>
    private protected static async Task InsertRowsAsync(TConnection connection, string table, int columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(RowsPerInsert))
        {
            var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" VALUES ");
            var parameters = new object?[chunk.Length * columns];
            for (var r = 0; r < chunk.Length; r++)
            {
                if (chunk[r].Length != columns)
                {
                    throw new ArgumentException($"Every row for {table} must have {columns} values; row {r + 1} has {chunk[r].Length}.", nameof(rows));
                }

                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns; c++)
                {
                    var n = (r * columns) + c;
                    parameters[n] = chunk[r][c];
                    sql.Append(c == 0 ? "$" : ", $").Append(n + 1);
                }

                sql.Append(')');
            }

            await ExecuteAsync(connection, sql.ToString(), cancellationToken, parameters);
        }
    }
}
