using BenchmarkDotNet.Attributes;
using TotalPlace.Benchmarks.Harness;
using TotalPlace.Storage;

namespace TotalPlace.Benchmarks.Spend;

/// <summary>The place map (theme × agency × year) over a store of generated lines, beside the same GROUP BY run by
/// DuckDB directly on a read_csv table of the same file (the baseline). 10 million lines: `-- map --lines 10000000`.</summary>
[MemoryDiagnoser]
[InProcessMonitoringJob(10)]
public class MapBenchmarks
{
    private IPlaceStore _store = null!;
    private string _baseline = null!;

    [Params(1_000_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (csv, _) = BenchData.TransparencyCsv(Lines);
        var storePath = BenchData.FreshDatabase("bdn-map.duckdb");
        TotalPlaceImport.RunAsync(csv, storePath).GetAwaiter().GetResult();
        _baseline = BenchData.FreshDatabase("bdn-map-baseline.duckdb");
        DuckDbBaseline.ReadCsvIntoTable(csv, _baseline);
        _store = PlaceStore.OpenDuckDb(storePath);
    }

    [GlobalCleanup]
    public void Cleanup() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "DuckDB GROUP BY on the read_csv table")]
    public long DuckDbGroupBy() => DuckDbBaseline.GroupBy(_baseline);

    [Benchmark(Description = "TotalPlace place map theme x agency x year")]
    public async Task<int> PlaceMap() => (await _store.Spend.MapAsync(TotalPlaceImport.MapQuery)).Rows.Count;
}
