using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using TotalPlace.Application.Waste;
using TotalPlace.Benchmarks.Harness;
using TotalPlace.Core.Waste;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;
using TotalPlace.Storage.Waste;

namespace TotalPlace.Benchmarks.Waste;

/// <summary>`waste-page --lines N --findings F`: the web waste page's query path over a big store. The store is the
/// duplicates benchmark's (N generated lines through the product's import, plus planted duplicates and near-misses),
/// analysed once by the product's <see cref="RunWasteAnalysis"/>; its real findings are then repeated under new keys up to F
/// (a store far past a readable report, like the 62,995 findings the old finder gave on one Trafford file), and one
/// finding in ten gets a decision. Timed, each against references measured in the same run through the same store: the
/// page's first page, a filtered page, a page sorted by score, a deep page, and the one-finding lookup a decision makes.</summary>
internal static class WastePageBench
{
    private const int Warmups = 3;
    private const int Iterations = 15;

    public static async Task<bool> RunAsync(long lines, int plants, int findings, Action<string> say, Func<long, int, string, string, Task> build)
    {
        var storePath = Path.Combine(BenchPaths.Data, $"waste-page-{lines}.duckdb");
        var marker = storePath + ".planted";
        if (!File.Exists(storePath) || !File.Exists(marker) || File.ReadAllText(marker).Trim() != WasteWholeProcess.MarkerText(plants))
        {
            await build(lines, plants, storePath, marker);
        }
        else
        {
            say($"- store {Path.GetFileName(storePath)} reused");
        }

        var findingsMarker = storePath + ".findings";
        if (!File.Exists(findingsMarker) || File.ReadAllText(findingsMarker).Trim() != findings.ToString(CultureInfo.InvariantCulture))
        {
            await FillFindingsAsync(storePath, findings, say);
            await File.WriteAllTextAsync(findingsMarker, findings.ToString(CultureInfo.InvariantCulture));
        }

        await using var store = await PlaceStore.OpenDuckDbAsync(storePath);
        var waste = store.Waste;
        const string Place = TotalPlaceImport.Place;
        var all = await waste.ListFindingsAsync(Place, new WasteFindingQuery { PageSize = 1 });
        var decided = await waste.ListDecisionsAsync(Place);
        var someKey = (await waste.ListFindingsAsync(Place, new WasteFindingQuery { PageNumber = 200, PageSize = 50 })).Items[17].Key;
        say($"- store: {await waste.CountTransactionsAsync(Place):N0} lines; {all.TotalCount:N0} findings in the default view (false positives left out); {decided.Count:N0} decisions");
        say(string.Empty);

        var results = new List<(string Name, double Median, double Max, int Rows)>();
        async Task Time(string name, Func<Task<int>> query)
        {
            for (var i = 0; i < Warmups; i++)
            {
                await query();
            }

            var times = new List<double>();
            var rows = 0;
            for (var i = 0; i < Iterations; i++)
            {
                var clock = Stopwatch.StartNew();
                rows = await query();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            results.Add((name, times[times.Count / 2], times[^1], rows));
        }

        // References first and last, so a change of load during the run shows.
        await Time("reference: count(*) of the place's lines (`CountTransactionsAsync`)", async () => (int)await waste.CountTransactionsAsync(Place));
        await Time("reference: the default query with page size 1", async () => (await waste.ListFindingsAsync(Place, new WasteFindingQuery { PageSize = 1 })).Items.Count);
        await Time("first page (default: open and confirmed, money at stake, 50)", async () => (await waste.ListFindingsAsync(Place, WasteFindingQuery.Default)).Items.Count);
        await Time("filtered page (duplicates, partner, score ≥ 0.7, money ≥ £1,000, open)", async () => (await waste.ListFindingsAsync(Place, new WasteFindingQuery
        {
            Kind = FindingKind.DuplicatePayment,
            Partner = TotalPlaceImport.Agency,
            MinScore = 0.7,
            MinMoney = 1_000m,
            State = ReviewState.Open,
        })).Items.Count);
        await Time("sorted by score, page 1", async () => (await waste.ListFindingsAsync(Place, new WasteFindingQuery { Sort = WasteFindingSort.Score })).Items.Count);
        await Time("sorted by kind, page 1,000 (offset 49,950)", async () => (await waste.ListFindingsAsync(Place, new WasteFindingQuery { Sort = WasteFindingSort.Kind, PageNumber = 1_000 })).Items.Count);
        await Time("one finding by key (what a decision loads)", async () => await waste.FindFindingAsync(Place, someKey) is null ? 0 : 1);
        await Time("reference again: count(*) of the place's lines", async () => (int)await waste.CountTransactionsAsync(Place));

        var countRef = (results[0].Median + results[^1].Median) / 2;
        var pageOneRef = results[1].Median;
        say("| query | rows | median | slowest of 15 | × count(*) reference | × page-size-1 reference | under 1 s |");
        say("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        var ok = true;
        foreach (var (name, median, max, rows) in results)
        {
            var under = max < 1_000;
            ok &= under;
            say($"| {name} | {rows:N0} | {median:N1} ms | {max:N1} ms | {median / countRef:N2} | {median / pageOneRef:N2} | {(under ? "yes" : "**no**")} |");
        }

        say(string.Empty);
        say($"- every query of the page {(ok ? "answered in under a second, slowest included" : "did **not** always answer in under a second")}");
        return ok;
    }

    /// <summary>Runs the product's waste analysis once, repeats its findings under new keys up to <paramref name="target"/>
    /// (money varied by a penny a copy, so the order is not a tie), and decides one finding in ten in SQL (one in twenty
    /// false positive, one in twenty confirmed with a note).</summary>
    private static async Task FillFindingsAsync(string storePath, int target, Action<string> say)
    {
        var clock = Stopwatch.StartNew();
        List<WasteFinding> real;
        await using (var store = await PlaceStore.OpenDuckDbAsync(storePath))
        {
            real = [.. (await new RunWasteAnalysis(store, TimeProvider.System).ExecuteAsync(new RunWasteAnalysisRequest(TotalPlaceImport.Place, Visibility.All), progress: null, CancellationToken.None)).Findings];
            say($"- the product's waste run over the store found {real.Count:N0} findings ({real.Count(f => f.Kind == FindingKind.DuplicatePayment):N0} duplicate payments) in {clock.Elapsed.TotalSeconds:N0} s (not timed below)");
            var all = new List<WasteFinding>(Math.Max(target, real.Count));
            all.AddRange(real);
            for (var i = 0; all.Count < target && real.Count > 0; i++)
            {
                var r = real[i % real.Count];
                all.Add(r with { Key = $"{r.Key}~{i.ToString(CultureInfo.InvariantCulture)}", MoneyAtStake = r.MoneyAtStake + ((i % 997) / 100m), State = ReviewState.Open, Note = null });
            }

            await store.Waste.SaveFindingsAsync(TotalPlaceImport.Place, all, DateTimeOffset.UtcNow);
            say($"- saved {all.Count:N0} findings: the run's {real.Count:N0} and {all.Count - real.Count:N0} copies under new keys");
        }

        using var connection = new DuckDBConnection($"Data Source={storePath}");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM waste_decision;
            INSERT INTO waste_decision
            SELECT place_id, row_number() OVER (ORDER BY finding_key), finding_key,
                   CASE WHEN hash(finding_key) % 20 = 0 THEN 'FalsePositive' ELSE 'Confirmed' END,
                   'bench', now(), CASE WHEN hash(finding_key) % 20 = 0 THEN NULL ELSE 'checked against the ledger' END
            FROM waste_finding WHERE hash(finding_key) % 10 = 0;
            """;
        var decided = await command.ExecuteNonQueryAsync();
        say($"- decided {decided:N0} findings in SQL (about one in twenty a false positive, one in twenty confirmed)");
    }
}
