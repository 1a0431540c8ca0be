using System.Diagnostics;
using System.Text;
using System.Text.Json;
using TotalPlace.Cli.Tests.Infrastructure;

namespace TotalPlace.Cli.Tests.Hostile;

/// <summary>Issue 15: an import into a DuckDB store on a filesystem that really fills up. The store lives on a small
/// tmpfs mounted for the test (the test runs as root, as on this project's machines and CI containers); the rest of
/// that filesystem is taken by a filler file, so the import's writes meet a real ENOSPC from the kernel. The CLI must
/// say "the disk is full" in one line naming the store, exit 4, and the store, opened again once space is freed, must
/// hold exactly what it held before and still take imports.</summary>
/// <remarks>Where the filesystem cannot be mounted (not root, or a container without CAP_SYS_ADMIN) the test skips,
/// and fails when <c>CI</c> is set. PostgreSQL's full disk is not tested this way: its data directory would have to
/// live on the small filesystem for the whole cluster fixture, so it is covered by the message mapping only
/// (<c>DiskFull</c> recognises "could not extend file").</remarks>
[Trait("Issue", "15")]
public sealed class FullDiskTests
{
    private const string Place = "E10000008";

    [Fact]
    public async Task Import_OntoAFilesystemThatFillsUp_SaysTheDiskIsFullNamingTheStoreAndChangesNothing()
    {
        using var folder = new TempFolder();
        var disk = folder.File("disk");
        Directory.CreateDirectory(disk);
        if (await RunAsync("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", disk) is { Exit: not 0 } refused)
        {
            var reason = $"cannot mount a small tmpfs for the full-disk test (mount exited {refused.Exit}: {refused.Output.Trim()}); run as root with CAP_SYS_ADMIN";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        try
        {
            var store = Path.Combine(disk, "full.duckdb");
            var seed = folder.File("seed.csv");
            await File.WriteAllTextAsync(seed, "Date,Supplier,Amount\r\n03/05/2024,Seed Supplier,1000.00\r\n04/05/2024,Seed Supplier,234.56\r\n", TestContext.Current.CancellationToken);
            (await CliRunner.RunAsync("import", "--store", store, "--place", Place, "--agency", "Seed Council", "--agency-kind", "local-authority", seed)).ShouldSucceed();
            var before = await SnapshotAsync(store);

            var big = folder.File("big.csv");
            WriteLines(big, 400_000);
            var filler = Path.Combine(disk, "filler.bin");
            Fill(filler, leaveBytes: 1 << 20);

            var full = await CliRunner.RunAsync("import", "--store", store, "--place", Place, "--agency", "Police", "--agency-kind", "police", big);

            var outcome = $"exit {full.ExitCode}\nstdout:\n{full.StdOut}\nstderr:\n{full.StdErr}";
            Assert.True(full.ExitCode == 4, outcome);
            var line = full.StdErr.TrimEnd('\r', '\n');
            Assert.False(line.Contains('\n', StringComparison.Ordinal), $"the error is not one line: {outcome}");
            Assert.StartsWith("error: the disk is full", line, StringComparison.Ordinal);
            Assert.Contains(store, line, StringComparison.Ordinal);

            File.Delete(filler);
            Assert.Equal(before, await SnapshotAsync(store));
            var after = folder.File("after.csv");
            await File.WriteAllTextAsync(after, "Date,Supplier,Amount\r\n05/05/2024,After Supplier,10.00\r\n", TestContext.Current.CancellationToken);
            (await CliRunner.RunAsync("import", "--store", store, "--place", Place, "--agency", "Police", "--agency-kind", "police", after)).ShouldSucceed();
            Assert.Equal(before.Total + 10.00m, (await SnapshotAsync(store)).Total);
        }
        finally
        {
            await RunAsync("umount", "-l", disk);
        }
    }

    /// <summary>The store as the CLI reports it: its batches (ids and total) and its places with their agencies.</summary>
    private static async Task<(string Batches, decimal Total, string Places)> SnapshotAsync(string store)
    {
        var batches = (await CliRunner.RunAsync("batches", "--store", store, "--format", "json")).ShouldSucceed();
        using var json = JsonDocument.Parse(batches.StdOut);
        var all = json.RootElement.EnumerateArray().ToList();
        var places = (await CliRunner.RunAsync("places", "--store", store, "--format", "json")).ShouldSucceed();
        return (string.Join(',', all.Select(b => b.GetProperty("id").GetInt64())), all.Sum(b => b.GetProperty("total").GetDecimal()), places.StdOut.Trim());
    }

    private static void WriteLines(string path, int lines)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("Date,Supplier,Amount,Reference,Description\r\n");
        for (var i = 0; i < lines; i++)
        {
            writer.Write($"{1 + (i % 28):D2}/05/2024,Supplier {i % 997} Ltd,{100 + (i % 9000)}.{i % 100:D2},INV-{i:D7},Line {i} of a file that will not fit\r\n");
        }
    }

    /// <summary>Writes the filler until the kernel says the filesystem is full, then frees <paramref name="leaveBytes"/>
    /// so the store can open and start its write before space runs out.</summary>
    private static void Fill(string path, long leaveBytes)
    {
        var block = new byte[1 << 16];
        Random.Shared.NextBytes(block);
        using var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write);
        long length = 0;
        try
        {
            while (true)
            {
                RandomAccess.Write(handle, block, length);
                length += block.Length;
            }
        }
        catch (IOException)
        {
            // ENOSPC: the filesystem is full (a partial last block is cut off below).
        }

        RandomAccess.SetLength(handle, Math.Max(0, length - leaveBytes));
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken) + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
