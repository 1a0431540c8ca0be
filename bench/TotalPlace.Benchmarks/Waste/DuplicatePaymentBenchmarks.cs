using BenchmarkDotNet.Attributes;
using TotalPlace.Core.Waste;

namespace TotalPlace.Benchmarks.Waste;

/// <summary>Duplicate-payment detection (target: 10 million lines under 30 s). The lines are held in memory as
/// <see cref="PartnerTransaction"/> records, about 250 bytes each with their strings; pass a size with
/// <c>--envVars WASTE_LINES:10000000</c> where memory allows.</summary>
[MemoryDiagnoser]
public class DuplicatePaymentBenchmarks
{
    private List<PartnerTransaction> _lines = [];
    private SupplierResolution? _resolution;

    public static int Lines => int.TryParse(Environment.GetEnvironmentVariable("WASTE_LINES"), out var n) ? n : 2_000_000;

    [GlobalSetup]
    public void Setup()
    {
        _lines = WasteData.Lines(Lines, 50_000);
        _resolution = SupplierResolver.Resolve(_lines);
    }

    [Benchmark]
    public int Detect() => DuplicatePaymentDetector.Detect(_lines, _resolution!).Count;
}
