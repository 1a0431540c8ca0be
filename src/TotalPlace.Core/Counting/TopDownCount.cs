using TotalPlace.Core.Spending;

namespace TotalPlace.Core.Counting;

/// <summary>Turns a reconciled place into the figures its map counts top-down: each partner's share of every service
/// line of its outturn (gross) and budget (net), and the flows between partners taken out, so that the dashboard's
/// total, by theme and by agency, is the count ledger's top-down total to the penny.</summary>
/// <remarks>Each partner's service lines are apportioned so that they add up exactly to its ledger figure (its share
/// of the return's total, rounded once, half-even): every line gets its exact share rounded down to the penny, and the
/// pennies left go to the lines with the largest remainders. A return whose lines do not add up to its total gets one
/// more line for the difference, so nothing is lost and nothing is counted twice.</remarks>
public static class TopDownCount
{
    /// <summary>The agency the flows between partners are shown under in the map.</summary>
    public const string FlowsAgency = "Flows between partners (taken out)";

    /// <summary>The theme of the flows taken out.</summary>
    public const string FlowsTheme = "flows-between-partners";

    /// <summary>The theme's name.</summary>
    public const string FlowsThemeName = "Flows between partners (taken out)";

    /// <summary>The top-down figures of <paramref name="count"/>, from the official statements of its partners.</summary>
    /// <param name="count">The reconciled place (partners with shares and flows).</param>
    /// <param name="statements">The official statements of every partner's body for the year.</param>
    public static IReadOnlyList<CountStatement> Build(PlaceCount count, IReadOnlyList<OfficialStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(statements);
        var lines = new List<CountStatement>();
        foreach (var partner in count.Partners.Select(r => r.Partner))
        {
            if (partner.Code is null)
            {
                continue;
            }

            var mine = statements.Where(s => string.Equals(s.BodyCode, partner.Code, StringComparison.OrdinalIgnoreCase)).ToList();
            lines.AddRange(Apportion(partner, mine, "RSX", StatementMeasure.Gross, StatementKind.Outturn, "gross outturn"));
            lines.AddRange(Apportion(partner, mine, "RA", StatementMeasure.Net, StatementKind.Budget, "net budget"));
        }

        lines.AddRange(count.Flows.Where(f => f.Eliminated != 0m).Select(f => new CountStatement(
            f.PayerKey,
            FlowsAgency,
            $"{f.PayerName} paid {f.PayeeName} ('{f.SupplierAsWritten}', {f.Lines} line(s)): taken out",
            FlowsTheme,
            StatementKind.Outturn,
            -f.Eliminated,
            f.Amount,
            $"{f.PayerName}'s lines to '{f.SupplierAsWritten}'",
            0)));
        return lines;
    }

    private static IEnumerable<CountStatement> Apportion(CountedPartner partner, List<OfficialStatement> mine, string returnCode, StatementMeasure measure, StatementKind kind, string what)
    {
        var total = mine.FirstOrDefault(s => s.IsTotal && s.Return == returnCode && s.Measure == measure && s.Kind == kind);
        if (total is null)
        {
            return [];
        }

        var parts = mine.Where(s => !s.IsTotal && s.Return == returnCode && s.Measure == measure && s.Kind == kind && s.Amount != 0m)
            .Select(s => (Service: s.Service, Theme: s.Theme, Whole: s.Amount, Source: $"{s.Return} {s.Year}, row {s.SourceRow}, {s.SourceColumn}", Row: s.SourceRow))
            .ToList();
        var difference = total.Amount - parts.Sum(p => p.Whole);
        if (difference != 0m)
        {
            parts.Add(($"difference between the {returnCode} total and its service lines", Places.Theme.Unclassified.Code, difference,
                $"{total.Return} {total.Year}, row {total.SourceRow}, {total.SourceColumn} less its lines", total.SourceRow));
        }

        var target = partner.Share.Of(total.Amount);
        var amounts = Pennies(parts.Select(p => p.Whole * partner.Share.Value).ToList(), target);
        return parts.Select((p, i) => new CountStatement(
            partner.Key,
            partner.Name,
            $"{p.Service} ({returnCode} {what} × {partner.Share.Value:0.######})",
            string.IsNullOrEmpty(p.Theme) ? Places.Theme.Unclassified.Code : p.Theme,
            kind,
            amounts[i],
            p.Whole,
            p.Source,
            p.Row));
    }

    /// <summary>Rounds each exact part down to the penny and gives the pennies left over (target less the rounded parts)
    /// to the parts with the largest remainders, earliest first on a tie, so the parts add up to <paramref name="target"/>.</summary>
    internal static decimal[] Pennies(IReadOnlyList<decimal> exact, decimal target)
    {
        var floors = exact.Select(e => Math.Floor(e * 100m) / 100m).ToArray();
        if (floors.Length == 0)
        {
            return floors;
        }

        var left = (int)((target - floors.Sum()) * 100m);
        var order = Enumerable.Range(0, exact.Count).OrderByDescending(i => exact[i] - floors[i]).ThenBy(i => i).ToList();
        for (var k = 0; left > 0; k = (k + 1) % order.Count, left--)
        {
            floors[order[k]] += 0.01m;
        }

        for (var k = order.Count - 1; left < 0; k = (k - 1 + order.Count) % order.Count, left++)
        {
            floors[order[k]] -= 0.01m;
        }

        return floors;
    }
}
