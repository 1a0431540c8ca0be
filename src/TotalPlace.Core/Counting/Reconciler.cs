namespace TotalPlace.Core.Counting;

/// <summary>Reconciles a place: per partner, the top-down outturn beside the bottom-up lines, with coverage and named
/// reasons; flows between partners taken out once; one count ledger.</summary>
/// <remarks>Every shared figure is rounded once, half-even to the penny, and every total is the sum of the rounded
/// parts shown, so the ledger adds up on paper.</remarks>
public static class Reconciler
{
    /// <summary>Reconciles the partners and flows of one place and year.</summary>
    public static PlaceCount Reconcile(
        string placeCode, string placeName, FiscalYear year, long? population, IReadOnlyList<CountedPartner> partners, IReadOnlyList<InterPartnerFlow> flows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(flows);
        var reconciled = partners.Select(p => ReconcilePartner(p, flows)).ToList();
        var eliminated = flows.Sum(f => f.Eliminated);
        var ledger = reconciled.Select(LedgerFor).ToList();
        if (flows.Count > 0)
        {
            ledger.Add(new LedgerEntry(
                "Flows between partners", flows.Sum(f => f.Amount), null, -eliminated, "eliminated",
                $"{flows.Count} flow(s) paid by one partner to another, found by supplier name; each payer's share taken out once where the payee's spending is counted too"));
        }

        return new PlaceCount(
            placeCode,
            placeName,
            year,
            population,
            reconciled.Sum(r => r.TopDown) - eliminated,
            reconciled.Sum(r => r.BottomUp) - flows.Sum(f => f.EliminatedFromLines),
            eliminated,
            reconciled,
            flows,
            ledger);
    }

    private static PartnerReconciliation ReconcilePartner(CountedPartner p, IReadOnlyList<InterPartnerFlow> flows)
    {
        decimal? coverage = p.TransactionsTotal is { } lines && p.OutturnGross is > 0m and { } gross ? Math.Round(lines / gross, 4, MidpointRounding.ToEven) : null;
        var nonPay = p.OutturnGross - p.OutturnEmployees;
        decimal? nonPayCoverage = p.TransactionsTotal is { } l2 && nonPay is > 0m ? Math.Round(l2 / nonPay.Value, 4, MidpointRounding.ToEven) : null;
        return new PartnerReconciliation(
            p,
            coverage,
            nonPayCoverage,
            p.OutturnGross is { } g ? p.Share.Of(g) : 0m,
            p.TransactionsTotal is { } t ? p.Share.Of(t) : 0m,
            p.OutturnNet - p.BudgetNet,
            Reasons(p, nonPay, flows));
    }

    private static List<string> Reasons(CountedPartner p, decimal? nonPay, IReadOnlyList<InterPartnerFlow> flows)
    {
        var reasons = new List<string>();
        if (p.TransactionsTotal is null)
        {
            reasons.Add("no transaction files: nothing of this partner is counted line by line" + (p.Missing.Count > 0 ? $" ({string.Join("; ", p.Missing)})" : string.Empty));
        }
        else if (!p.Months.IsWholeYear)
        {
            reasons.Add($"months missing: lines for {p.Months}");
        }

        if (p.OutturnGross is null)
        {
            reasons.Add("no outturn return for this body: its top-down figure is not counted" + (p.Missing.Count > 0 && p.TransactionsTotal is not null ? $" ({string.Join("; ", p.Missing)})" : string.Empty));
        }

        if (p.TransactionsTotal is null || p.OutturnGross is null)
        {
            return reasons;
        }

        if (!string.IsNullOrWhiteSpace(p.Threshold))
        {
            reasons.Add($"reporting threshold: {p.Threshold}; payments below it are not listed");
        }

        if (p.OutturnEmployees is { } pay)
        {
            reasons.Add($"pay and pensions not published line by line: employees {Pounds(pay)} of gross {Pounds(p.OutturnGross.Value)}");
        }

        if (p.OutturnIncome is { } income && p.OutturnNet is { } net)
        {
            reasons.Add($"income netting: gross {Pounds(p.OutturnGross.Value)} less income {Pounds(income)} is net {Pounds(net)}; lines are payments, so they are compared with gross");
        }

        var excess = p.TransactionsTotal.Value - (nonPay ?? p.OutturnGross.Value);
        reasons.Add(excess > 0m
            ? $"capital vs revenue: the lines exceed non-pay revenue spending by {Pounds(excess)}; lines include capital payments and money passed on (precepts, grants, payments to other bodies), which the revenue outturn leaves out"
            : "capital vs revenue: lines include capital payments, which the revenue outturn leaves out");

        var paidOut = flows.Where(f => f.PayerKey == p.Key).Sum(f => f.Amount);
        if (paidOut != 0m)
        {
            var kept = flows.Where(f => f.PayerKey == p.Key && f.Eliminated == 0m && f.EliminatedFromLines == 0m).Sum(f => f.Amount);
            reasons.Add($"payments to other partners in the lines: {Pounds(paidOut)}, taken out of the place total once where the payee's spending is counted too" +
                (kept != 0m ? $" ({Pounds(kept)} to partners counted neither way stays in)" : string.Empty));
        }

        if (p.OutOfYearLines > 0)
        {
            reasons.Add($"{p.OutOfYearLines} line(s) in the year's files dated outside the year, {Pounds(p.OutOfYearTotal)}: counted with the file they were published in");
        }

        return reasons;
    }

    private static LedgerEntry LedgerFor(PartnerReconciliation r)
    {
        var p = r.Partner;
        if (p.OutturnGross is { } gross)
        {
            var coverage = r.Coverage is { } c ? $"; its lines explain {c:P1} of it" : "; it publishes no lines";
            return new LedgerEntry(p.Name, gross, p.Share, r.TopDown, "statement",
                $"gross total service expenditure from the outturn return ({p.OutturnSource ?? "outturn"}) × share: the official return covers the whole body, pay and income included{coverage}");
        }

        if (p.TransactionsTotal is { } lines)
        {
            return new LedgerEntry(p.Name, lines, p.Share, r.BottomUp, "lines",
                $"no outturn return in the package, so the sum of its published lines ({p.Months}) × share; a lower bound");
        }

        return new LedgerEntry(p.Name, 0m, p.Share, 0m, "none",
            "neither an outturn return nor lines in the package: not counted" + (p.Missing.Count > 0 ? $" (missing: {string.Join("; ", p.Missing)})" : string.Empty));
    }

    private static string Pounds(decimal amount) => Money.FromPounds(amount).ToString();
}
