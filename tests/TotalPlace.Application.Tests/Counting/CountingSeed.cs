using TotalPlace.Core;
using TotalPlace.Core.Spending;
using TotalPlace.Storage;
using TotalPlace.Testing;

namespace TotalPlace.Application.Tests.Counting;

/// <summary>One small place with every case the map's policy decides: a published council batch (with a credit and a
/// line in an earlier year), an unpublished police batch (with a line in a later year), a health trust whose year has
/// both statements (an outturn and a budget) and lines, all in Devon. Every expected figure in the tests is worked
/// out from these lists, never read back from the use case.</summary>
internal static class CountingSeed
{
    public const string Devon = "E10000008";
    public const string Manchester = "E08000003";
    public const string Council = "Devon County Council";
    public const string Police = "Devon and Cornwall Police";
    public const string Trust = "Devon Health Trust";

    public static readonly FiscalYear Y2023 = FiscalYear.StartingIn(2023);
    public static readonly FiscalYear Y2024 = FiscalYear.StartingIn(2024);
    public static readonly FiscalYear Y2025 = FiscalYear.StartingIn(2025);

    public static readonly (DateOnly Date, decimal Amount, string Supplier)[] CouncilLines =
    [
        (new DateOnly(2024, 6, 3), 100.00m, "ACME LTD"),
        (new DateOnly(2024, 6, 4), 50.25m, "ACME LTD"),
        (new DateOnly(2024, 7, 1), -20.00m, "REFUND LTD"),
        (new DateOnly(2023, 7, 1), 30.10m, "ACME LTD"),
    ];

    public static readonly (DateOnly Date, decimal Amount, string Supplier)[] PoliceLines =
    [
        (new DateOnly(2024, 6, 5), 1000.00m, "BLUE LTD"),
        (new DateOnly(2024, 6, 6), 0.10m, "BLUE LTD"),
        (new DateOnly(2025, 5, 1), 400.00m, "BLUE LTD"),
    ];

    public static readonly (DateOnly Date, decimal Amount, string Supplier)[] TrustLines =
    [
        (new DateOnly(2024, 8, 1), 700.00m, "GREEN LTD"),
    ];

    public const decimal TrustOutturn = 5_000m;
    public const decimal TrustBudget = 9_999m;

    /// <summary>The sum of a list's lines in one year.</summary>
    public static decimal In(FiscalYear year, (DateOnly Date, decimal Amount, string Supplier)[] lines) =>
        lines.Where(l => year.Contains(l.Date)).Sum(l => l.Amount);

    /// <summary>How many of a list's lines fall in one year.</summary>
    public static int CountIn(FiscalYear year, (DateOnly Date, decimal Amount, string Supplier)[] lines) =>
        lines.Count(l => year.Contains(l.Date));

    /// <summary>Seeds the store: the council, trust and statements batches published, the police batch not.</summary>
    public static async Task SeedAsync(IPlaceStore store, CancellationToken ct)
    {
        var published = new DateTimeOffset(2025, 2, 1, 10, 0, 0, TimeSpan.Zero);
        var council = (await store.Spend.CommitTransactionsAsync(Headers.For(Devon, Council, "council"), Lines(CouncilLines), ct)).Batch;
        await store.Spend.CommitTransactionsAsync(Headers.For(Devon, Police, "police"), Lines(PoliceLines), ct);
        var trust = (await store.Spend.CommitTransactionsAsync(Headers.For(Devon, Trust, "trust"), Lines(TrustLines), ct)).Batch;
        var statements = (await store.Spend.CommitStatementsAsync(
            Headers.For(Devon, "", "trust-statements"),
            [
                new SpendStatement(Trust, "health-social-care", "NHS allocation", Y2024, TrustOutturn),
                new SpendStatement(Trust, "health-social-care", "NHS allocation", Y2024, TrustBudget, StatementKind.Budget),
            ],
            ct)).Batch;
        foreach (var batch in new[] { council, trust, statements })
        {
            Assert.NotNull(await store.Spend.SetPublishedAsync(batch.Id, true, "board member", published, ct));
        }
    }

    private static IEnumerable<Transaction> Lines((DateOnly Date, decimal Amount, string Supplier)[] lines) =>
        lines.Select((l, i) => new TransactionBuilder().Paying(l.Amount).On(l.Date).AtRow(i + 2).WithReference($"{l.Supplier}-{i}").To(l.Supplier).Build());
}
