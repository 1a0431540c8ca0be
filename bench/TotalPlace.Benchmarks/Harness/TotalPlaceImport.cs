using TotalPlace.Import;
using TotalPlace.Storage;

namespace TotalPlace.Benchmarks.Harness;

/// <summary>The product's import path, end to end: hash the file, stream-parse it, classify and append every line
/// into a DuckDB place store in one atomic batch.</summary>
public static class TotalPlaceImport
{
    public const string Place = "E08000003";
    public const string Agency = "Manchester City Council";

    /// <summary>Imports <paramref name="csvPath"/> into a new store the way the CLI does: one read of the file, hashed
    /// as it streams, the rows read and the SHA-256 completed in the header once the last line is read.</summary>
    public static async Task<ImportBatch> RunAsync(string csvPath, string databasePath)
    {
        await using var store = await PlaceStore.OpenDuckDbAsync(databasePath);
        using var stream = SpendFileReader.Open(csvPath);
        var header = new BatchHeader(Place, Agency, Path.GetFileName(csvPath), Sha256: "", RowsRead: 0, [], "bench", DateTimeOffset.UtcNow);
        var result = await store.Spend.CommitTransactionsAsync(header, stream.Transactions, h => h with { Sha256 = stream.Sha256, RowsRead = stream.RowsRead });
        return result.Batch;
    }

    /// <summary>As <see cref="RunAsync(string, string)"/>; the line count is no longer needed (the header is completed
    /// after the stream), and is kept for callers written before.</summary>
    public static Task<ImportBatch> RunAsync(string csvPath, string databasePath, long expectedLines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedLines);
        return RunAsync(csvPath, databasePath);
    }

    /// <summary>Parses the file with the product's reader without storing anything: the reader's share of the time.</summary>
    public static (long Lines, decimal Total) ParseOnly(string csvPath)
    {
        using var stream = SpendFileReader.Open(csvPath);
        long lines = 0;
        var total = 0m;
        foreach (var line in stream.Transactions)
        {
            lines++;
            total += line.Amount;
        }

        return (lines, total);
    }

    /// <summary>The place map the benchmarks time: theme × agency × year over transactions.</summary>
    public static MapQuery MapQuery { get; } = new(Place, [MapDimension.Theme, MapDimension.Agency, MapDimension.Year], Source: MapSource.Transactions);
}
