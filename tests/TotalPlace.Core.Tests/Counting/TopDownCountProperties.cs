using FsCheck.Xunit;
using TotalPlace.Core.Counting;
using TotalPlace.Core.Spending;

namespace TotalPlace.Core.Tests.Counting;

/// <summary>The top-down figures written into the map: each partner's service lines add up to its ledger figure to
/// the penny, flows are taken out once, and a flow to a partner counted neither way is never taken out.</summary>
[Trait("Issue", "12")]
public sealed class TopDownCountProperties
{
    private static readonly FiscalYear Year = FiscalYear.Parse("2023-24");

    private static (PlaceCount Count, List<OfficialStatement> Statements) RandomPlace(int seed)
    {
        var random = new Random(seed);
        var statements = new List<OfficialStatement>();
        var partners = Enumerable.Range(0, random.Next(1, 6)).Select(i =>
        {
            var code = $"E0700{i:0000}";
            var denominator = random.Next(1, 2_000_000);
            var share = i == 0 ? PartnerShare.Whole : PartnerShare.FromFraction(random.Next(0, denominator + 1), denominator, "population");
            decimal? gross = null;
            if (random.Next(4) != 0)
            {
                // Lines in £ thousand as the returns publish them; the total sometimes differs from their sum.
                var lines = Enumerable.Range(0, random.Next(1, 14)).Select(_ => random.Next(-500, 2_000_000) * 1000m).ToList();
                gross = lines.Sum() + (random.Next(5) == 0 ? random.Next(-3, 4) * 1000m : 0m);
                statements.AddRange(lines.Select((amount, n) => new OfficialStatement(code, $"Body {i}", "RSX", $"l{n}", $"Service {n}", "housing", StatementMeasure.Gross, StatementKind.Outturn, Year, amount, false, 10 + i, $"c{n}")));
                statements.Add(new OfficialStatement(code, $"Body {i}", "RSX", "tot", "Total service expenditure", string.Empty, StatementMeasure.Gross, StatementKind.Outturn, Year, gross.Value, true, 10 + i, "tot"));
            }

            return new CountedPartner
            {
                Key = $"p{i}",
                Name = $"Partner {i}",
                Code = code,
                Share = share,
                OutturnGross = gross,
                TransactionsTotal = random.Next(3) == 0 ? null : random.Next(-1000, 500_000_000) + (random.Next(100) / 100m),
                Months = MonthsLoaded.None(Year),
            };
        }).ToList();
        var payments = Enumerable.Range(0, random.Next(0, 20)).Select(_ =>
        {
            var payer = partners[random.Next(partners.Count)];
            var payee = partners[random.Next(partners.Count)];
            return new SupplierPayments(payer.Key, payee.Name.ToUpperInvariant(), random.Next(1, 1_000_000) + (random.Next(100) / 100m), random.Next(1, 50));
        }).ToList();
        var flows = InterPartnerFlowFinder.Find(
            [.. partners.Select(p => new PartnerIdentity(p.Key, p.Name, [], []))],
            partners.ToDictionary(p => p.Key, p => p.Share),
            payments,
            partners.Where(p => p.OutturnGross is not null).Select(p => p.Key).ToHashSet(),
            partners.Where(p => p.TransactionsTotal is not null).Select(p => p.Key).ToHashSet());
        return (Reconciler.Reconcile("E07000120", "Place", Year, 82_200, partners, flows), statements);
    }

    [Property]
    public bool TheOutturnFiguresAddUpToTheTopDownTotal_ToThePenny(int seed)
    {
        var (count, statements) = RandomPlace(seed);
        var lines = TopDownCount.Build(count, statements);
        return lines.Where(l => l.Kind == StatementKind.Outturn).Sum(l => l.Amount) == count.TotalTopDown
            && lines.All(l => decimal.Round(l.Amount, 2) == l.Amount);
    }

    [Property]
    public bool EachPartnersServiceLines_AddUpToItsLedgerFigure(int seed)
    {
        var (count, statements) = RandomPlace(seed);
        var lines = TopDownCount.Build(count, statements);
        return count.Partners.All(p =>
            lines.Where(l => l.PartnerKey == p.Partner.Key && l.Agency == p.Partner.Name && l.Kind == StatementKind.Outturn).Sum(l => l.Amount) == p.TopDown);
    }

    [Property]
    public bool AFlowIsTakenOutOnlyWhereThePayeeIsCounted(int seed)
    {
        var (count, _) = RandomPlace(seed);
        var outturn = count.Partners.Where(p => p.Partner.OutturnGross is not null).Select(p => p.Partner.Key).ToHashSet();
        var lines = count.Partners.Where(p => p.Partner.TransactionsTotal is not null).Select(p => p.Partner.Key).ToHashSet();
        return count.Flows.All(f =>
            (f.Eliminated == 0m || outturn.Contains(f.PayeeKey)) && (f.EliminatedFromLines == 0m || lines.Contains(f.PayeeKey)))
            && count.TotalBottomUp == count.Partners.Sum(p => p.BottomUp) - count.Flows.Sum(f => f.EliminatedFromLines);
    }

    [Fact]
    public void Pennies_GivesTheLeftOverPenniesToTheLargestRemainders()
    {
        // Three equal thirds of £1.00: 33p each rounded down, the penny left goes to the first.
        var parts = TopDownCount.Pennies([1m / 3m, 1m / 3m, 1m / 3m], 1.00m);
        Assert.Equal([0.34m, 0.33m, 0.33m], parts);
    }
}
