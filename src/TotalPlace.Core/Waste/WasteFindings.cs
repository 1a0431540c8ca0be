using System.Globalization;
using TotalPlace.Core.Assets;

namespace TotalPlace.Core.Waste;

/// <summary>Turns the analyses into one ranked, reviewable list of findings and applies reviewers' decisions.</summary>
/// <remarks>Open and confirmed findings are ranked by money at stake; false positives go to the end, so a later run
/// that finds the same thing again shows it as already rejected rather than as new.</remarks>
public static class WasteFindings
{
    private static readonly CultureInfo s_enGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Findings for shared suppliers; the money at stake is the estimated saving of buying jointly, and the
    /// combined spend it applies to is <see cref="WasteFinding.SpendConcerned"/>.</summary>
    public static IEnumerable<WasteFinding> FromSharedSuppliers(IEnumerable<SharedSupplier> suppliers, decimal savingRate = SharedSupplierAnalysis.DefaultSavingRate)
    {
        ArgumentNullException.ThrowIfNull(suppliers);
        foreach (var s in suppliers)
        {
            var spellings = s.Spellings.Count == 1 ? $"\"{s.Name}\"" : $"these {s.Spellings.Count} spellings are one supplier, \"{s.Name}\",";
            var explanation = new List<string>
            {
                $"Spellings: {string.Join("; ", s.Spellings)}.",
                $"Paid by: {string.Join("; ", s.ByPartner.Select(p => $"{p.Agency} {Money(p.Amount)} ({p.Lines} lines)"))}.",
                $"Expense types: {string.Join("; ", s.ByExpenseType.Take(5).Select(t => $"{t.Label} {Money(t.Amount)}"))}.",
                $"Years: {string.Join("; ", s.ByYear.Select(y => $"{y.Label} {Money(y.Amount)}"))}.",
                string.Create(s_enGb, $"Buying jointly might save {Money(s.EstimatedSaving)} (assumed {savingRate:P0} of the combined spend)."),
                ContractsCounted(s),
            };
            var under = s.LinesWithContract == 0
                ? $"under {s.ByExpenseType.Count} expense types"
                : $"under {(s.LinesWithContract < s.Lines ? "at least " : string.Empty)}{s.Contracts} {(s.Contracts == 1 ? "contract" : "contracts")}";
            yield return new WasteFinding("supplier:" + s.Key, FindingKind.SharedSupplier,
                $"{spellings} paid {Money(s.Total)} by {s.ByPartner.Count} partners {under}",
                s.EstimatedSaving, explanation)
            {
                SpendConcerned = s.Total,
                Assumption = string.Create(s_enGb, $"{savingRate:P0} of the combined spend, the assumed saving of buying jointly"),
                Partners = [.. s.ByPartner.Select(p => p.Agency)],
            };
        }
    }

    /// <summary>Findings for duplicate payments; the money at stake is the possible overpayment.</summary>
    public static IEnumerable<WasteFinding> FromDuplicates(IEnumerable<DuplicatePayment> duplicates)
    {
        ArgumentNullException.ThrowIfNull(duplicates);
        foreach (var d in duplicates)
        {
            var explanation = new List<string>
            {
                Describe(d.First),
                Describe(d.Second),
                string.Create(CultureInfo.InvariantCulture, $"Score {d.Score:0.00}: {string.Join("; ", d.Reasons)}."),
            };
            yield return new WasteFinding(d.Key, FindingKind.DuplicatePayment,
                $"{Money(d.AmountAtStake)} to \"{d.SupplierName}\" may have been paid twice", d.AmountAtStake, explanation)
            {
                Score = d.Score,
                Partners = [.. new[] { d.First.Agency, d.Second.Agency }.Distinct(StringComparer.Ordinal)],
                Lines = [FindingLine.Of(d.First), FindingLine.Of(d.Second)],
            };
        }
    }

    /// <summary>The share of a service's spend beyond its largest buyer assumed saved by one commissioner buying it
    /// for the place (the same rate as joint buying from a shared supplier).</summary>
    public const decimal DefaultOverlapSavingRate = SharedSupplierAnalysis.DefaultSavingRate;

    /// <summary>Findings for services bought twice; the money at stake is the estimated saving of one commissioner
    /// buying it, and the overlap (spend beyond the largest buyer) it applies to is <see cref="WasteFinding.SpendConcerned"/>.</summary>
    public static IEnumerable<WasteFinding> FromOverlaps(IEnumerable<ServiceOverlap> overlaps, decimal savingRate = DefaultOverlapSavingRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(savingRate);
        ArgumentNullException.ThrowIfNull(overlaps);
        foreach (var o in overlaps)
        {
            var key = "overlap:" + o.Theme + "|" + ServiceOverlapAnalysis.ExpenseKey(o.ExpenseType);
            var explanation = new List<string>
            {
                $"Bought by: {string.Join("; ", o.ByPartner.Select(p => $"{p.Agency} {Money(p.Amount)}"))}.",
                $"{o.Suppliers} different suppliers; {Money(o.Overlap)} is spent by partners other than the largest buyer.",
            };
            var saving = Math.Round(Math.Max(o.Overlap, 0m) * savingRate, 2, MidpointRounding.ToEven);
            explanation.Add(string.Create(s_enGb, $"One commissioner buying it might save {Money(saving)} (assumed {savingRate:P0} of the {Money(o.Overlap)} spent beyond the largest buyer)."));
            yield return new WasteFinding(key, FindingKind.ServiceOverlap,
                $"\"{o.ExpenseType}\" ({o.Theme}) is bought by {o.ByPartner.Count} partners: {Money(o.Total)} in all", saving, explanation)
            {
                SpendConcerned = o.Overlap,
                Assumption = string.Create(s_enGb, $"{savingRate:P0} of the spend beyond the largest buyer, the assumed saving of one commissioner"),
                Partners = [.. o.ByPartner.Select(p => p.Agency)],
            };
        }
    }

    /// <summary>Findings for co-location candidates; the money at stake is a year's revenue saving plus the capital receipt.</summary>
    public static IEnumerable<WasteFinding> FromCoLocations(IEnumerable<CoLocationCandidate> candidates) => FromCoLocations(candidates, null);

    /// <summary>Findings for co-location candidates, each saying how much of its buildings' running cost the spend map
    /// already counts (lines linked by UPRN, postcode or name) and the same for the whole estate.</summary>
    public static IEnumerable<WasteFinding> FromCoLocations(IEnumerable<CoLocationCandidate> candidates, AssetSpendLinks? links)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var c in candidates)
        {
            var key = "assets:" + string.Join("|", c.Assets.Select(a => a.Agency + "/" + (a.Uprn ?? a.Name)).Order(StringComparer.Ordinal));
            var explanation = new List<string>
            {
                string.Join("; ", c.Assets.Select(a => $"{a.Name} ({a.Agency}" + (a.Utilisation is { } u ? $", {u:P0} used" : string.Empty) + ")")) + ".",
                string.Create(CultureInfo.InvariantCulture, $"Within {c.MaxDistanceMetres:0} m of each other; running cost {Money(c.RunningCost)} a year."),
                $"Estimated revenue saving {Money(c.RevenueSaving)} a year and capital receipt {Money(c.CapitalReceipt)}.",
            };
            if (links is not null)
            {
                explanation.AddRange(MapCounts(c, links));
            }

            explanation.AddRange(c.Assumptions);
            yield return new WasteFinding(key, FindingKind.CoLocation,
                $"{c.Assets.Count} buildings of {c.Agencies.Count} partners are close together and under-used",
                c.RevenueSaving + c.CapitalReceipt, explanation)
            {
                SpendConcerned = c.RunningCost,
                Assumption = "a year's revenue saving plus the capital receipt, as the candidate's assumptions state",
                Partners = [.. c.Agencies],
            };
        }
    }

    /// <summary>Applies decisions (the latest per finding wins) and ranks: open and confirmed by money, false positives last.</summary>
    public static IReadOnlyList<WasteFinding> Rank(IEnumerable<WasteFinding> findings, IEnumerable<FindingDecision>? decisions = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var latest = (decisions ?? [])
            .GroupBy(d => d.FindingKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.DecidedAt).Last(), StringComparer.Ordinal);
        return [.. findings
            .Select(f => latest.TryGetValue(f.Key, out var d) ? f with { State = d.State, Note = d.Note } : f)
            .OrderBy(f => f.State == ReviewState.FalsePositive ? 1 : 0)
            .ThenByDescending(f => f.MoneyAtStake)
            .ThenBy(f => f.Key, StringComparer.Ordinal)];
    }

    /// <summary>What the contract count rests on, so a reader knows whether "9 contracts" is counted or absent.</summary>
    private static string ContractsCounted(SharedSupplier s) => s.LinesWithContract == 0
        ? "Contracts are not counted: none of these lines carries a contract or purchase-order number."
        : string.Create(CultureInfo.InvariantCulture,
            $"Contracts counted: {s.Contracts} distinct contract or purchase-order numbers per partner, published on {s.LinesWithContract} of {s.Lines} lines{(s.LinesWithContract < s.Lines ? " (lines without one may be under further contracts)." : ".")}");

    private static IEnumerable<string> MapCounts(CoLocationCandidate c, AssetSpendLinks links)
    {
        var linked = c.Assets.Select(links.Of).OfType<AssetSpend>().ToList();
        if (linked.Count == 0)
        {
            yield return "The spend map counts none of these buildings' running cost yet: no premises line of their partners names them by UPRN, postcode or name.";
        }
        else
        {
            var cost = linked.Where(l => l.Asset.RunningCost is not null).Sum(l => l.Asset.RunningCost!.Value);
            yield return $"The spend map already counts {Money(linked.Sum(l => l.Amount))} of these buildings' running cost "
                + $"({Money(cost)} a year for the {linked.Count} of {c.Assets.Count} linked): "
                + string.Join("; ", linked.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Asset.Name} {Money(l.Amount)} in {l.Year} from {l.Lines} lines by {string.Join(", ", l.Rules)}"))) + ".";
        }

        if (links.AssetsWithRunningCost > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"Across the estate, {links.ByAsset.Count} of {links.AssetsWithRunningCost} assets with a running cost are linked to spend lines: {Money(links.LinkedSpend)} counted against {Money(links.LinkedRunningCost)} of their running cost; the estate's running cost is {Money(links.EstateRunningCost)} a year ({links.AmbiguousLines} lines naming two assets were left unlinked).");
        }
    }

    private static string Describe(PartnerTransaction t)
    {
        var date = t.Line.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var row = t.Line.SourceRow > 0 ? ", row " + t.Line.SourceRow.ToString(CultureInfo.InvariantCulture) : string.Empty;
        var invoice = string.IsNullOrWhiteSpace(t.Line.InvoiceNumber) ? "no invoice number" : $"invoice '{t.Line.InvoiceNumber}'";
        var file = t.SourceFile is null ? string.Empty : $" of {t.SourceFile}";
        return $"{t.Agency} paid {Money(t.Line.Amount)} to \"{t.Line.Supplier}\" on {date}, {invoice}, transaction '{t.Line.Reference}'{row}{file}.";
    }

    /// <summary>Pounds for reading: whole pounds from £1,000 up, pence below.</summary>
    internal static string Money(decimal pounds) => MoneyFormat.Sentence(pounds);
}
