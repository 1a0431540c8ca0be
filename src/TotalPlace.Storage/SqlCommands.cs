using System.Data.Common;
using System.Globalization;
using System.Text;
using TotalPlace.Core.Places;

namespace TotalPlace.Storage;

/// <summary>The portable ADO.NET helpers every area store and engine uses: positional parameters ($1, $2…), reads,
/// scalar reads, small multi-row inserts and the place look-up. No state; each takes the connection to run on.</summary>
internal static class SqlCommands
{
    // PostgreSQL allows 65,535 parameters a statement; a few hundred rows a statement is already far past the point
    // where round trips stop mattering.
    private const int RowsPerInsert = 500;

    public static DbCommand Command(DbConnection connection, string sql, params object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<T?> ScalarAsync<T>(DbConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>The place code trimmed and upper-cased; refuses anything that is not an ONS GSS code.</summary>
    public static string CheckCode(string placeCode)
    {
        ArgumentNullException.ThrowIfNull(placeCode);
        var code = placeCode.Trim().ToUpperInvariant();
        if (!Place.IsGssCode(code))
        {
            throw new ArgumentException($"'{placeCode}' is not an ONS GSS code; a place code is a capital letter and eight digits, e.g. E08000003.", nameof(placeCode));
        }

        return code;
    }

    /// <summary>The place with its populations and its id, or null.</summary>
    public static async Task<(Place Place, int Id)?> LoadPlaceAsync(DbConnection connection, string code, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, "SELECT place_id, name FROM place WHERE code = $1", r => (Id: r.GetInt32(0), Name: r.GetString(1)), cancellationToken, code);
        if (rows.Count == 0)
        {
            return null;
        }

        var population = await QueryAsync(
            connection,
            "SELECT census_year, population FROM place_population WHERE place_id = $1 ORDER BY census_year",
            r => (Year: r.GetInt32(0), Population: r.GetInt64(1)),
            cancellationToken,
            rows[0].Id);
        return (new Place(code, rows[0].Name, population.ToDictionary(p => p.Year, p => p.Population)), rows[0].Id);
    }

    /// <summary>Inserts rows of small tables (findings, assets, offer rows) with multi-row VALUES statements: portable
    /// SQL, a round trip per few hundred rows, and values of any type (the bulk writers take only the line tables'
    /// types).</summary>
    public static async Task InsertRowsAsync(DbConnection connection, string table, int columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
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
