using BenchmarkDotNet.Attributes;
using TotalPlace.Benchmarks.Harness;

namespace TotalPlace.Benchmarks.Spend;

/// <summary>Import of a generated transparency CSV, beside DuckDB's own read_csv of the same file into a table
/// (the baseline), so the Ratio column is how many times slower than DuckDB the product's import is. For 10 million
/// lines use the whole-process mode: `-- import --lines 10000000`.</summary>
[MemoryDiagnoser]
[InProcessMonitoringJob(5)]
public class ImportBenchmarks
{
    private string _csv = null!;

    [Params(200_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_csv, _) = BenchData.TransparencyCsv(Lines);
    }

    [Benchmark(Baseline = true, Description = "DuckDB read_csv into a table")]
    public long DuckDbReadCsv() => DuckDbBaseline.ReadCsvIntoTable(_csv, BenchData.FreshDatabase("bdn-baseline.duckdb"));

    [Benchmark(Description = "TotalPlace import into the store")]
    public async Task<long> TotalPlaceImportIntoStore() =>
        (await TotalPlaceImport.RunAsync(_csv, BenchData.FreshDatabase("bdn-import.duckdb"))).RowsLoaded;

    [Benchmark(Description = "TotalPlace reader only (no store)")]
    public long ReaderOnly() => TotalPlaceImport.ParseOnly(_csv).Lines;
}
