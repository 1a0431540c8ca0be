using BenchmarkDotNet.Running;
using TotalPlace.Benchmarks.Harness;
using TotalPlace.Benchmarks.Scale;

// `import --lines N` and `map --lines N` are single-shot whole-process runs for 10-million-line sizes; anything else
// goes to BenchmarkDotNet (e.g. `--filter *Import*`).
if (WholeProcess.Handles(args))
{
    return await WholeProcess.RunAsync(args);
}

// `duplicates --lines N` and `suppliers --names N`: the waste runs, whole-process (see Waste/WasteWholeProcess.cs).
if (TotalPlace.Benchmarks.Waste.WasteWholeProcess.Handles(args))
{
    return await TotalPlace.Benchmarks.Waste.WasteWholeProcess.RunAsync(args);
}

// `cli-import --lines N`: the CLI import as a whole process beside read_csv in its own, with peak memory.
if (CliImportRun.Handles(args))
{
    return await CliImportRun.RunAsync(args);
}

if (ScaleRun.Handles(args))
{
    return await ScaleRun.RunAsync(args);
}

if (TotalPlace.Benchmarks.Web.WebLoad.Handles(args))
{
    return await TotalPlace.Benchmarks.Web.WebLoad.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(WholeProcess).Assembly).Run(args);
return 0;
