using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TotalPlace.Core.Spending;
using TotalPlace.Storage.DuckDb;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests;

/// <summary>The place map's laws, checked on random inputs through a real DuckDB file: the grand total equals the sum
/// of the accepted inputs exactly, every drill-down level sums to its parent, and re-importing adds nothing.</summary>
public sealed class MapReconciliationProperties : IClassFixture<DuckDbFileFixture>, IAsyncLifetime
{
    private static readonly string[] s_areas = ["Adult Social Care", "Children's Services", "Waste Collection", "Libraries", "Mystery Area", "ICT Services"];
    private static readonly string[] s_agencies = ["Council A", "Council B", "NHS Trust"];
    private static int s_place;

    private readonly DuckDbFileFixture _fixture;
    private DuckDbPlaceStore? _store;

    public MapReconciliationProperties(DuckDbFileFixture fixture) => _fixture = fixture;

    private DuckDbPlaceStore Store => _store!;

    public async ValueTask InitializeAsync() => _store = await _fixture.OpenAsync(_fixture.NewPath(), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    /// <summary>Random lines: agency, area, day offset, amount (up to 4 decimal places, up to about £20 trillion).</summary>
    public static Arbitrary<(int Agency, int Area, int Day, decimal Amount)[]> LineArrays() =>
        (from agency in Gen.Choose(0, s_agencies.Length - 1)
         from area in Gen.Choose(0, s_areas.Length - 1)
         from day in Gen.Choose(0, 3 * 365)
         from raw in Gen.Choose(-2_000_000, 2_000_000)
         from scale in Gen.Choose(0, 7)
         select (agency, area, day, raw * (decimal)Math.Pow(10, scale) / 10_000m))
        .ArrayOf()
        .ToArbitrary();

    private static string NextPlace() => $"E99{Interlocked.Increment(ref s_place):D6}";

    private async Task<(string Place, decimal Total)> LoadAsync((int Agency, int Area, int Day, decimal Amount)[] lines)
    {
        var place = NextPlace();
        var ct = TestContext.Current.CancellationToken;
        var total = 0m;
        foreach (var group in lines.Select((l, i) => (Line: l, Row: i + 2)).GroupBy(x => x.Line.Agency))
        {
            var transactions = group.Select(x => new Transaction
            {
                Date = 1.April(2021).AddDays(x.Line.Day),
                Amount = x.Line.Amount,
                Supplier = "Supplier " + (x.Row % 7),
                ExpenseArea = s_areas[x.Line.Area],
                SourceRow = x.Row,
            }).ToList();
            total += transactions.Sum(t => t.Amount);
            await Store.Spend.CommitTransactionsAsync(Headers.For(place, s_agencies[group.Key], place + group.Key), transactions, ct);
        }

        return (place, total);
    }

    [Property(MaxTest = 30, Arbitrary = [typeof(MapReconciliationProperties)])]
    public async Task<bool> GrandTotal_EqualsTheSumOfAcceptedInputs_ToThePenny((int Agency, int Area, int Day, decimal Amount)[] lines)
    {
        var (place, total) = await LoadAsync(lines);
        if (lines.Length == 0)
        {
            return true;
        }

        var map = await Store.Spend.MapAsync(new MapQuery(place, [MapDimension.Theme, MapDimension.Agency, MapDimension.Year]), TestContext.Current.CancellationToken);
        return map.Total == total && map.Rows.Sum(r => r.Amount) == total && map.Lines == lines.Length;
    }

    [Property(MaxTest = 25, Arbitrary = [typeof(MapReconciliationProperties)])]
    public async Task<bool> EveryDrillDownLevel_SumsToItsParent((int Agency, int Area, int Day, decimal Amount)[] lines)
    {
        var (place, _) = await LoadAsync(lines);
        if (lines.Length == 0)
        {
            return true;
        }

        var ct = TestContext.Current.CancellationToken;
        var byTheme = await Store.Spend.MapAsync(new MapQuery(place, [MapDimension.Theme]), ct);
        var byThemeAgency = await Store.Spend.MapAsync(new MapQuery(place, [MapDimension.Theme, MapDimension.Agency]), ct);
        var byThemeAgencyYear = await Store.Spend.MapAsync(new MapQuery(place, [MapDimension.Theme, MapDimension.Agency, MapDimension.Year]), ct);
        var themesSumToTotal = byTheme.Rows.Sum(r => r.Amount) == byTheme.Total;
        var agenciesSumToTheme = byTheme.Rows.All(t => byThemeAgency.Rows.Where(r => r.Theme == t.Theme).Sum(r => r.Amount) == t.Amount);
        var yearsSumToAgency = byThemeAgency.Rows.All(a =>
            byThemeAgencyYear.Rows.Where(r => r.Theme == a.Theme && r.Agency == a.Agency).Sum(r => r.Amount) == a.Amount);

        // The last level: the lines themselves, as drill-down returns them.
        var linesSumToCell = true;
        foreach (var cell in byThemeAgencyYear.Rows)
        {
            var page = await Store.Spend.QueryTransactionsAsync(new TransactionQuery(place, cell.Agency, cell.Theme, cell.Year, PageSize: 10_000), ct);
            linesSumToCell &= page.Items.Sum(r => r.Amount) == cell.Amount && page.TotalCount == cell.Lines;
        }

        return themesSumToTotal && agenciesSumToTheme && yearsSumToAgency && linesSumToCell;
    }

    [Property(MaxTest = 15, Arbitrary = [typeof(MapReconciliationProperties)])]
    public async Task<bool> ReimportingTheSameFiles_AddsNothing((int Agency, int Area, int Day, decimal Amount)[] lines)
    {
        var (place, total) = await LoadAsync(lines);
        var ct = TestContext.Current.CancellationToken;
        var batches = (await Store.Spend.ListBatchesAsync(place, ct)).Count;
        foreach (var group in lines.GroupBy(l => l.Agency))
        {
            var again = await Store.Spend.CommitTransactionsAsync(Headers.For(place, s_agencies[group.Key], place + group.Key), [], ct);
            if (!again.AlreadyImported)
            {
                return false;
            }
        }

        if ((await Store.Spend.ListBatchesAsync(place, ct)).Count != batches)
        {
            return false;
        }

        return lines.Length == 0 || (await Store.Spend.MapAsync(new MapQuery(place, []), ct)).Total == total;
    }

    [Property(MaxTest = 20, Arbitrary = [typeof(MapReconciliationProperties)])]
    public async Task<bool> Reclassification_AgreesWithTheCoreClassifierOnEveryLine((int Agency, int Area, int Day, decimal Amount)[] lines)
    {
        var (place, _) = await LoadAsync(lines);
        if (lines.Length == 0)
        {
            return true;
        }

        var ct = TestContext.Current.CancellationToken;
        await Store.Places.AddRuleAsync(place, new ClassificationRule(ClassificationField.ExpenseArea, ClassificationMatch.Regex, "^(mystery|libr)", "culture-leisure"), ct);
        await Store.Places.AddRuleAsync(place, new ClassificationRule(ClassificationField.Supplier, ClassificationMatch.Exact, "supplier 3", "housing", 200), ct);
        await Store.Places.ReclassifyAsync(place, ct);
        var rules = new ClassificationRules(await Store.Places.ListRulesAsync(place, ct));
        var page = await Store.Spend.QueryTransactionsAsync(new TransactionQuery(place, PageSize: 10_000), ct);
        return page.Items.All(r => r.Theme == rules.Classify(new ClassificationKey(r.ServiceCode, r.ExpenseArea, r.ExpenseType, r.Description, r.Supplier)));
    }
}
