using TotalPlace.Import;
using TotalPlace.Storage;

namespace TotalPlace.Benchmarks.Harness;

/// <summary>The product's import path, end to end: hash the file, stream-parse it, classify and append every line
/// into a DuckDB place store in one atomic batch.</summary>
public static class TotalPlaceImport
{
    public const string Place = "E08000003";
    public const string Agency = "Manchester City Council";

    /// <summary>Imports <paramref name="csvPath"/> into a new store; returns the batch.</summary>
    /// <remarks>The header's rows-read figure is the generator's line count: the store takes it before the stream is
    /// read, and a streaming reader only knows it at the end (see docs/performance.md).</remarks>
    public static async Task<ImportBatch> RunAsync(string csvPath, string databasePath, long expectedLines)
    {
        await using var store = await PlaceStore.OpenDuckDbAsync(databasePath);
        var sha256 = SpendFileReader.ComputeSha256(csvPath);
        using var stream = SpendFileReader.Open(csvPath);
        var header = new BatchHeader(Place, Agency, Path.GetFileName(csvPath), sha256, checked((int)expectedLines), [], "bench", DateTimeOffset.UtcNow);
        var result = await store.CommitTransactionsAsync(header, stream.Transactions);
        return result.Batch;
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
