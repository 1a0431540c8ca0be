using BenchmarkDotNet.Attributes;
using TotalPlace.Core.Waste;

namespace TotalPlace.Benchmarks.Waste;

/// <summary>Supplier resolution over 100,000 distinct generated names (target: under 10 s).</summary>
[MemoryDiagnoser]
public class SupplierResolutionBenchmarks
{
    private List<SupplierEntry> _names = [];

    [Params(100_000)]
    public int Names { get; set; }

    [GlobalSetup]
    public void Setup() => _names = WasteData.Names(Names);

    [Benchmark]
    public int Resolve() => SupplierResolver.Resolve(_names).Clusters.Count;
}
