using FsCheck.Xunit;
using TotalPlace.Core.Counting;

namespace TotalPlace.Core.Tests.Counting;

/// <summary>Shares and eliminations: nothing counted twice, nothing lost, on random places.</summary>
[Trait("Issue", "12")]
public sealed class ReconcilerProperties
{
    private static readonly FiscalYear Year = FiscalYear.Parse("2023-24");

    private static (List<CountedPartner> Partners, List<SupplierPayments> Payments) RandomPlace(int seed)
    {
        var random = new Random(seed);
        var partners = Enumerable.Range(0, random.Next(1, 6)).Select(i =>
        {
            var denominator = random.Next(1, 2_000_000);
            var share = i == 0 ? PartnerShare.Whole : PartnerShare.FromFraction(random.Next(0, denominator + 1), denominator, "population");
            return new CountedPartner
            {
                Key = $"p{i}",
                Name = $"Partner {i}",
                Share = share,
                OutturnGross = random.Next(3) == 0 ? null : random.Next(0, 1_000_000_000) + (random.Next(100) / 100m),
                TransactionsTotal = random.Next(3) == 0 ? null : random.Next(-1000, 500_000_000) + (random.Next(100) / 100m),
                Months = MonthsLoaded.From(Year, Enumerable.Range(0, random.Next(13)).Select(m => Year.Start.AddMonths(m))),
            };
        }).ToList();
        var payments = Enumerable.Range(0, random.Next(0, 20)).Select(_ =>
        {
            var payer = partners[random.Next(partners.Count)];
            var payee = partners[random.Next(partners.Count)];
            return new SupplierPayments(payer.Key, random.Next(2) == 0 ? payee.Name.ToUpperInvariant() : $"Supplier {random.Next(5)} Ltd", random.Next(1, 1_000_000) + (random.Next(100) / 100m), random.Next(1, 50));
        }).ToList();
        return (partners, payments);
    }

    private static PlaceCount Reconcile(int seed)
    {
        var (partners, payments) = RandomPlace(seed);
        var flows = InterPartnerFlowFinder.Find(
            [.. partners.Select(p => new PartnerIdentity(p.Key, p.Name, [], []))],
            partners.ToDictionary(p => p.Key, p => p.Share),
            payments);
        return Reconciler.Reconcile("E07000120", "Place", Year, 82_200, partners, flows);
    }

    [Property]
    public bool TopDownTotal_IsTheSumOfTheSharedPartsLessEliminations(int seed)
    {
        var count = Reconcile(seed);
        return count.TotalTopDown == count.Partners.Sum(p => p.TopDown) - count.Eliminated
            && count.TotalBottomUp == count.Partners.Sum(p => p.BottomUp) - count.Eliminated;
    }

    [Property]
    public bool EachSharedPart_IsTheWholeTimesTheShareToThePenny(int seed)
    {
        var count = Reconcile(seed);
        return count.Partners.All(p =>
            p.TopDown == (p.Partner.OutturnGross is { } g ? Math.Round(g * p.Partner.Share.Value, 2, MidpointRounding.ToEven) : 0m)
            && Math.Abs(p.TopDown) <= Math.Abs(p.Partner.OutturnGross ?? 0m));
    }

    [Property]
    public bool EveryPaymentToAPartner_IsEliminatedOnceAndNothingElseIs(int seed)
    {
        var (partners, payments) = RandomPlace(seed);
        var byName = partners.ToDictionary(p => p.Name.ToUpperInvariant(), p => p.Key);
        var expected = payments.Where(p => byName.TryGetValue(p.Supplier, out var payee) && payee != p.PartnerKey).Sum(p => p.Amount);
        var flows = InterPartnerFlowFinder.Find([.. partners.Select(p => new PartnerIdentity(p.Key, p.Name, [], []))], partners.ToDictionary(p => p.Key, p => p.Share), payments);
        return flows.Sum(f => f.Amount) == expected
            && flows.All(f => f.PayerKey != f.PayeeKey)
            && flows.Select(f => (f.PayerKey, f.PayeeKey, f.SupplierAsWritten)).Distinct().Count() == flows.Count;
    }

    [Property]
    public bool Ledger_AddsUpToItsEntries(int seed)
    {
        var count = Reconcile(seed);
        return count.LedgerTotal == count.Ledger.Sum(l => l.Counted)
            && count.Ledger.Count(l => l.Source != "eliminated") == count.Partners.Count;
    }

    [Fact]
    public void APartnerNameInsideALongerName_IsNotAFlow()
    {
        var flows = InterPartnerFlowFinder.Find(
            [new PartnerIdentity("police", "Lancashire Police Authority", [], []), new PartnerIdentity("council", "Hyndburn Borough Council", [], [])],
            new Dictionary<string, PartnerShare> { ["police"] = PartnerShare.Whole, ["council"] = PartnerShare.Whole },
            [new SupplierPayments("council", "Lancashire Police Federation", 100m, 1), new SupplierPayments("council", "LANCASHIRE POLICE AUTHORITY (123)", 50m, 1)]);

        var flow = Assert.Single(flows);
        Assert.Equal(50m, flow.Amount);
    }

    [Fact]
    public void Share_OfAWholeBodyFigure_UsesTheExactFractionNotTheRoundedValue()
    {
        var share = PartnerShare.FromFraction(82_200m, 1_235_300m, "population");

        Assert.Equal(185_784_243.83m, share.Of(2_791_962_000m)); // 2,791,962,000 × 82,200 / 1,235,300 = 185,784,243.827…
        Assert.NotEqual(Math.Round(2_791_962_000m * 0.066543m, 2), share.Of(2_791_962_000m));
    }
}
