using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TotalPlace.Cli.Tests.Infrastructure;

namespace TotalPlace.Cli.Tests.Hostile;

/// <summary>The hostile-input suite (issue 15): every file is generated in code and imported by the real
/// <c>totalplace</c> binary into a store that already holds one batch. For each: the exit code, one line on standard
/// error naming the file and the row and column (or the part of the file) at fault, the store's batches and total
/// unchanged when the file is refused, and the process's peak memory under a bound while it reads.</summary>
[Trait("Issue", "15")]
public sealed class HostileInputTests : IClassFixture<HostileInputTests.SeededStore>
{
    /// <summary>Peak resident memory allowed for one import of a hostile file: generous for a .NET process with
    /// DuckDB loaded (about 150-250 MB), far below what an unbounded read of these files takes (gigabytes).</summary>
    private const long PeakMemoryBound = 900L << 20;

    /// <summary>The longest one refusal may take, however large the file claims to be.</summary>
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(90);

    private readonly SeededStore _store;

    public HostileInputTests(SeededStore store) => _store = store;

    public static TheoryData<string> CsvCases => [.. s_cases.Keys];

    private static readonly Dictionary<string, Case> s_cases = new(StringComparer.Ordinal)
    {
        // Truncations of the last line, at every kind of boundary.
        ["cut mid-field"] = Refused("cut.csv", () => HostileFiles.CutAt("50637.85", 3), "row 3", "column Amount", "'506'", "cut short"),
        ["cut mid-quote"] = Refused("cut.csv", () => HostileFiles.CutAt("Café", 3), "row 3", "column Supplier", "quoted field that is never closed"),
        ["cut after a delimiter"] = Refused("cut.csv", () => HostileFiles.CutAt("50637.85"), "row 3", "column Amount", "has 3 fields where the header has 4"),
        ["cut mid-date"] = Refused("cut.csv", () => HostileFiles.CutAt("2024,\"Caf", 2), "row 3", "column Date", "cut short"),
        ["cut mid-UTF-8 sequence"] = Refused("cut.csv", () => HostileFiles.CutAt("é, Bar", 1), "row 3", "column Supplier", "cut short"),
        ["cut before the last end-of-line"] = Accepted("whole.csv", () => HostileFiles.Utf8(HostileFiles.Whole.TrimEnd('\r', '\n')), 50737.85m),
        ["cut between CR and LF"] = Accepted("whole.csv", () => HostileFiles.Utf8(HostileFiles.Whole[..^1]), 50737.85m),
        ["cut mid-field, accepted by the user"] = Accepted("cut.csv", () => HostileFiles.CutAt("50637.85", 3), 606.00m, "--accept-truncated-last-line"),

        // Headers.
        ["two columns headed Amount"] = Refused("dup.csv", () => HostileFiles.Utf8("Date,Amount,Supplier,Amount\r\n01/04/2024,100234,A,10.50\r\n02/04/2024,100235,B,20.25\r\n"), "columns are headed 'Amount'", "column 2 'Amount'", "column 4 'Amount'"),
        ["empty file"] = Refused("empty.csv", () => [], "the file has no data"),
        ["only blank lines"] = Refused("blank.csv", () => HostileFiles.Utf8("\r\n \r\n\r\n"), "the file has no data"),
        ["no header"] = Refused("noheader.csv", () => HostileFiles.Utf8("hello,world\r\n1,2\r\n"), "no header row"),
        ["header only: a nil return"] = Accepted("nil.csv", () => HostileFiles.Utf8("Date,Supplier,Amount\r\n"), 0m),

        // Dates and amounts.
        ["date 01/01/0001"] = Refused("dates.csv", () => OneLine("01/01/0001", "10.00"), "row 2", "column Date", "outside the plausible range"),
        ["date 01/01/1899"] = Refused("dates.csv", () => OneLine("01/01/1899", "10.00"), "row 2", "column Date", "outside the plausible range"),
        ["date 31/12/9999"] = Refused("dates.csv", () => OneLine("31/12/9999", "10.00"), "row 2", "column Date", "outside the plausible range"),
        ["date 29/02/2023"] = Refused("dates.csv", () => OneLine("29/02/2023", "10.00"), "row 2", "column Date"),
        ["amount beyond the store's limit"] = Refused("amounts.csv", () => OneLine("02/04/2024", "99999999999999999999.00"), "row 2", "column Amount", "store's limit"),
        ["amount beyond the limit, partial"] = Accepted("amounts.csv", () => OneLine("02/04/2024", "99999999999999999999.00"), 100.00m, "--allow-partial"),
        ["amount 1e400"] = Refused("amounts.csv", () => OneLine("02/04/2024", "1e400"), "row 2", "column Amount"),
        ["amount NaN"] = Refused("amounts.csv", () => OneLine("02/04/2024", "NaN"), "row 2", "column Amount"),
        ["amount with a line break and a formula"] = Refused("multiline.csv", () => OneLine("02/04/2024", "\"12\n=cmd|' /C calc'!A0\""), "row 2", "column Amount", "12\\n=cmd"),
        ["a 17 MiB field"] = Refused("huge.csv", HugeField, "row 2", "longer than 16 MiB"),

        // Workbooks.
        ["xlsx zip bomb"] = RefusedFile("bomb.xlsx", path => HostileFiles.Xlsx(path, w =>
        {
            w.Write(HostileFiles.SheetStart);
            HostileFiles.Repeat(w, ' ', 600L << 20);
            w.Write(HostileFiles.SheetEnd);
        }), "unzips to more than 512 MiB"),
        ["xlsx with one 2 GiB cell"] = RefusedFile("bigcell.xlsx", path => HostileFiles.Xlsx(path, w =>
        {
            w.Write(HostileFiles.SheetStart + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
            HostileFiles.Repeat(w, 'A', 2L << 30);
            w.Write("</t></is></c></row>" + HostileFiles.SheetEnd);
        }, level: System.IO.Compression.CompressionLevel.SmallestSize), "unzips to more than 512 MiB"),
        ["xlsx with one 40 MiB shared string"] = RefusedFile("bigstring.xlsx", path => HostileFiles.Xlsx(
            path,
            w => w.Write(HostileFiles.SheetStart + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>" + HostileFiles.SheetEnd),
            w =>
            {
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>");
                HostileFiles.Repeat(w, 'B', 40L << 20);
                w.Write("</t></si></sst>");
            }), "longer than 32,767 characters", "xl/sharedStrings.xml"),
        ["xlsx with 2 million rows"] = RefusedFile("rows.xlsx", path => HostileFiles.Xlsx(path, w =>
        {
            w.Write(HostileFiles.SheetStart);
            for (var r = 1; r <= 2_000_000; r++)
            {
                w.Write("<row r=\"");
                w.Write(r);
                w.Write("\"/>");
            }

            w.Write(HostileFiles.SheetEnd);
        }), "more than 1,048,576 rows"),
        ["xlsx with broken XML"] = RefusedFile("broken.xlsx", path => HostileFiles.Xlsx(path, w =>
            w.Write(HostileFiles.SheetStart + HostileFiles.Row(1, "Date", "Supplier", "Amount") + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>01/04/2024</t></is></c><c")),
            "not well-formed XML", "xl/worksheets/sheet1.xml", "line 1"),
        ["xlsx with a DTD"] = RefusedFile("dtd.xlsx", path => HostileFiles.Xlsx(path, w =>
        {
            w.Write("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
                "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>");
            w.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + HostileFiles.Row(1, "Date", "Supplier", "&lol3;") + HostileFiles.SheetEnd);
        }), "DTD"),
        ["xlsx whose only sheet is empty"] = RefusedFile("emptysheet.xlsx", path => HostileFiles.Xlsx(path, w => w.Write(HostileFiles.SheetStart + HostileFiles.SheetEnd)), "no data"),
        ["xlsx cut in half"] = RefusedFile("half.xlsx", path =>
        {
            HostileFiles.Xlsx(path, HostileFiles.Sheet(["2024-04-01", "Acme", "10.00"]));
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        }, "half.xlsx"),
        ["xlsx header only: a nil return"] = new Case("nilbook.xlsx", path => HostileFiles.Xlsx(path, HostileFiles.Sheet()), 0, 0m, [], []),
        ["corrupted .xls"] = RefusedFile("corrupt.xls", path => File.WriteAllBytes(path, HostileFiles.CorruptXls(307 * 1024)), "corrupt.xls"),
    };

    [Theory]
    [MemberData(nameof(CsvCases))]
    public async Task Import_HostileFile_ExitCodeOneLineMessageStoreAndMemory(string name)
    {
        var test = s_cases[name];
        using var folder = new TempFolder();
        var path = folder.File(test.FileName);
        test.Make(path);
        var before = await _store.BatchesAsync();

        var (exit, stdout, stderr, peak, elapsed) = await RunMeasuredAsync(
            ["import", "--store", _store.Path, "--place", SeededStore.Place, "--agency", "Police", "--agency-kind", "police", .. test.Args, path]);

        var after = await _store.BatchesAsync();
        var outcome = $"{name}: exit {exit}, peak {peak >> 20} MiB, {elapsed.TotalSeconds:N1} s\nstdout:\n{Tail(stdout)}\nstderr:\n{stderr}";
        Assert.True(exit == test.ExitCode, outcome);
        Assert.True(peak > 0 && peak < PeakMemoryBound, $"peak resident memory {peak >> 20} MiB is over the bound of {PeakMemoryBound >> 20} MiB; {outcome}");
        Assert.True(elapsed < TimeBound, $"took {elapsed.TotalSeconds:N0} s; {outcome}");
        if (test.ExitCode == 0)
        {
            Assert.Equal(string.Empty, stderr.Trim());
            Assert.Equal(before.Count + 1, after.Count);
            Assert.Equal(before.Total + test.Added, after.Total);
            if (test.Added == 0m)
            {
                Assert.Contains("nil return", stdout, StringComparison.Ordinal);
            }

            await _store.ResetAsync();
            return;
        }

        var line = stderr.TrimEnd('\r', '\n');
        Assert.False(line.Contains('\n', StringComparison.Ordinal), $"the error is not one line: {outcome}");
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(test.FileName, line, StringComparison.Ordinal);
        foreach (var fragment in test.MustSay)
        {
            Assert.True(line.Contains(fragment, StringComparison.Ordinal), $"the error does not say \"{fragment}\": {outcome}");
        }

        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
        Assert.Equal(before, after);
    }

    private static Case Refused(string file, Func<byte[]> bytes, params string[] says) =>
        new(file, path => File.WriteAllBytes(path, bytes()), 3, 0m, says, []);

    private static Case RefusedFile(string file, Action<string> make, params string[] says) => new(file, make, 3, 0m, says, []);

    private static Case Accepted(string file, Func<byte[]> bytes, decimal added, params string[] args) =>
        new(file, path => File.WriteAllBytes(path, bytes()), 0, added, [], args);

    private static byte[] OneLine(string date, string amount) => Reordered(date, amount);

    /// <summary>The bad line first (row 2) and a good line after it (row 3), so "row 2" names the bad one.</summary>
    private static byte[] Reordered(string date, string amount) =>
        HostileFiles.Utf8($"Date,Supplier,Amount,Reference\r\n{date},Beta,{amount},R2\r\n01/04/2024,Acme Ltd,100.00,R1\r\n");

    private static byte[] HugeField()
    {
        var text = new StringBuilder("Date,Supplier,Amount,Reference\r\n01/04/2024,\"", (17 << 20) + 200);
        text.Append('x', 17 << 20).Append("\",10.00,R1\r\n");
        return HostileFiles.Utf8(text.ToString());
    }

    private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;

    /// <summary>Runs the CLI and samples its peak resident memory (VmHWM, which the kernel keeps as the high-water
    /// mark) until it exits.</summary>
    private static async Task<(int Exit, string StdOut, string StdErr, long PeakBytes, TimeSpan Elapsed)> RunMeasuredAsync(string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(CliRunner.Binary);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TOTALPLACE_STORE"] = null;
        start.Environment["TOTALPLACE_DEBUG"] = null;
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "400";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        // The process's exit is the signal to stop (with a 3-minute bound); the sampling in between is the one cadence
        // left: the kernel's high-water mark (VmHWM) is gone from /proc once the process has exited, so it is read
        // while the process runs, every 10 ms, and its last reading is the peak.
        long peak = 0;
        var status = $"/proc/{process.Id}/status";
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromMinutes(3));
        var exited = process.WaitForExitAsync(bound.Token);
        using var sampling = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        while (!exited.IsCompleted)
        {
            peak = Math.Max(peak, HighWaterMark(status));
            await Task.WhenAny(exited, sampling.WaitForNextTickAsync(bound.Token).AsTask());
        }

        if (!exited.IsCompletedSuccessfully)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        return (process.ExitCode, await stdout, await stderr, peak, clock.Elapsed);
    }

    private static long HighWaterMark(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }

    /// <param name="FileName">The name the file is imported under.</param>
    /// <param name="Make">Writes the file.</param>
    /// <param name="ExitCode">The exit code expected: 3 refused, 0 stored.</param>
    /// <param name="Added">For a stored file, what it adds to the store's total.</param>
    /// <param name="MustSay">What the one-line error must say (row, column, reason).</param>
    /// <param name="Args">Extra options for the import.</param>
    public sealed record Case(string FileName, Action<string> Make, int ExitCode, decimal Added, string[] MustSay, string[] Args);

    /// <summary>A store holding one batch of another agency's spend (£1,234.56), reset after a case stores a file. The
    /// seed and the snapshots run the verbs in-process; only the hostile imports themselves need the real binary.</summary>
    public sealed class SeededStore : IAsyncLifetime
    {
        public const string Place = "E10000008";

        private readonly TempFolder _folder = new();

        public string Path => _folder.File("hostile.duckdb");

        public async ValueTask InitializeAsync() => await ResetAsync();

        public async Task ResetAsync()
        {
            foreach (var file in Directory.EnumerateFiles(_folder.Path, "hostile.duckdb*"))
            {
                File.Delete(file);
            }

            var seed = _folder.File("seed.csv");
            await File.WriteAllTextAsync(seed, "Date,Supplier,Amount\r\n03/05/2024,Seed Supplier,1000.00\r\n04/05/2024,Seed Supplier,234.56\r\n");
            (await InProcessCli.RunAsync("import", "--store", Path, "--place", Place, "--agency", "Seed Council", "--agency-kind", "local-authority", seed)).ShouldSucceed();
        }

        public async Task<Snapshot> BatchesAsync()
        {
            var batches = (await InProcessCli.RunAsync("batches", "--store", Path, "--format", "json")).ShouldSucceed();
            using var json = JsonDocument.Parse(batches.StdOut);
            var all = json.RootElement.EnumerateArray().ToList();
            var places = (await InProcessCli.RunAsync("places", "--store", Path, "--format", "json")).ShouldSucceed();
            return new Snapshot(all.Count, all.Sum(b => b.GetProperty("total").GetDecimal()), string.Join(',', all.Select(b => b.GetProperty("id").GetInt64())), places.StdOut.Trim());
        }

        public ValueTask DisposeAsync()
        {
            _folder.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The store's batches (how many, their total and their ids) and its places with their agency counts, so a
    /// refused file that left a new place or agency behind is seen.</summary>
    public sealed record Snapshot(int Count, decimal Total, string Ids, string Places);
}
