using TotalPlace.Core.Waste;
using TotalPlace.Testing;
using static TotalPlace.Core.Tests.Waste.Lines;

namespace TotalPlace.Core.Tests.Waste;

public sealed class WasteFindingsTests
{
    private static readonly DateTimeOffset s_monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<WasteFinding> Findings()
    {
        var lines = new[]
        {
            Paid("Council", "ACME CARE LTD", 9_000m, 3.April(2024), "INV-1"),
            Paid("Council", "ACME CARE LTD", 9_000m, 4.April(2024), "INV-1"),
            Paid("NHS Trust", "Acme Care Limited", 40_000m, 3.April(2024), "X-2"),
        };
        var resolution = SupplierResolver.Resolve(lines);
        return [.. WasteFindings.FromDuplicates(DuplicatePaymentDetector.Detect(lines, resolution))
            .Concat(WasteFindings.FromSharedSuppliers(SharedSupplierAnalysis.Find(lines, resolution)))];
    }

    [Fact]
    public void Rank_WithoutDecisions_OrdersByMoneyAtStakeAndLeavesAllOpen()
    {
        var ranked = WasteFindings.Rank(Findings());

        // The duplicate's £9,000 paid twice outranks joint buying's estimated saving on £58,000 (3%: £1,740).
        Assert.Equal([FindingKind.DuplicatePayment, FindingKind.SharedSupplier], ranked.Select(f => f.Kind));
        Assert.All(ranked, f => Assert.Equal(ReviewState.Open, f.State));
        Assert.Contains("paid £58,000 by 2 partners", ranked[1].Title, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Issue", "13")]
    public void FromSharedSuppliers_MoneyAtStakeIsTheSavingAndTheSpendItAppliesToIsApart()
    {
        var shared = Findings().Single(f => f.Kind == FindingKind.SharedSupplier);

        Assert.Equal(58_000m * SharedSupplierAnalysis.DefaultSavingRate, shared.MoneyAtStake);
        Assert.Equal(58_000m, shared.SpendConcerned);
        Assert.Contains("3%", shared.Assumption, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Issue", "13")]
    public void FromDuplicates_MoneyAtStakeIsTheAmountPaidTwiceWithBothLines()
    {
        var duplicate = Findings().Single(f => f.Kind == FindingKind.DuplicatePayment);

        Assert.Equal(9_000m, duplicate.MoneyAtStake);
        Assert.Null(duplicate.SpendConcerned);
        Assert.Equal([3.April(2024), 4.April(2024)], duplicate.Lines.Select(l => l.Date));
        Assert.All(duplicate.Lines, l => Assert.Equal("INV-1", l.InvoiceNumber));
    }

    [Fact]
    public void Rank_RejectedFinding_IsKeptLastOnLaterRunsAndTheLatestDecisionWins()
    {
        var first = WasteFindings.Rank(Findings());
        var shared = first.Single(f => f.Kind == FindingKind.SharedSupplier).Key;
        var decisions = new[]
        {
            new FindingDecision(shared, ReviewState.Confirmed, "analyst", s_monday),
            new FindingDecision(shared, ReviewState.FalsePositive, "analyst", s_monday.AddHours(1), "framework contract already joint"),
        };

        var later = WasteFindings.Rank(Findings(), decisions);

        Assert.Equal(first.Select(f => f.Key).Order(StringComparer.Ordinal), later.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal(shared, later[^1].Key);
        Assert.Equal(ReviewState.FalsePositive, later[^1].State);
        Assert.Equal("framework contract already joint", later[^1].Note);
    }
}
