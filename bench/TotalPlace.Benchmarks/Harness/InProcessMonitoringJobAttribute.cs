using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TotalPlace.Benchmarks.Harness;

/// <summary>Few, long iterations run in this process: each operation takes seconds (files of 200,000+ lines), and an
/// in-process run skips BenchmarkDotNet's per-job project build, which on a 2-core machine costs minutes.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class InProcessMonitoringJobAttribute(int iterationCount) : JobConfigBaseAttribute(
    Job.Default
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(1)
        .WithIterationCount(iterationCount)
        .WithToolchain(InProcessEmitToolchain.Instance));
