using System.Globalization;
using DuckDB.NET.Data;

namespace TotalPlace.Benchmarks.Harness;

/// <summary>The reference: DuckDB's own CSV reader loading the same file into a table in a fresh database file.</summary>
public static class DuckDbBaseline
{
    /// <summary>Loads <paramref name="csvPath"/> with read_csv into a new table; returns the rows loaded.</summary>
    public static long ReadCsvIntoTable(string csvPath, string databasePath)
    {
        DeleteDatabase(databasePath);
        using var connection = new DuckDBConnection($"Data Source={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE spend AS SELECT * FROM read_csv('{csvPath.Replace("'", "''", StringComparison.Ordinal)}', header = true)";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT count(*) FROM spend";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The same grouping as the place map, run by DuckDB directly on the read_csv table.</summary>
    public static long GroupBy(string databasePath)
    {
        using var connection = new DuckDBConnection($"Data Source={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Expense Area", "Body Name", year(strptime(CAST("Date" AS VARCHAR), ['%d/%m/%Y', '%Y-%m-%d'])) AS y, sum("Amount"), count(*)
            FROM spend GROUP BY ALL
            """;
        using var reader = command.ExecuteReader();
        long groups = 0;
        while (reader.Read())
        {
            groups++;
        }

        return groups;
    }

    public static void DeleteDatabase(string databasePath)
    {
        foreach (var file in new[] { databasePath, databasePath + ".wal" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
