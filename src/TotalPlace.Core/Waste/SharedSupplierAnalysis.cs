namespace TotalPlace.Core.Waste;

/// <summary>Finds suppliers paid by two or more partners, ranked by the money the partners spend with them together.</summary>
/// <remarks>The estimated saving applies one assumed rate to the combined spend: by default 3%, a cautious figure
/// for aggregating demand with an existing supplier (the rate is an input, shown next to every estimate).</remarks>
public static class SharedSupplierAnalysis
{
    /// <summary>The default assumed saving from buying jointly: 3% of the combined spend.</summary>
    public const decimal DefaultSavingRate = 0.03m;

    /// <summary>Suppliers paid by at least <paramref name="minimumPartners"/> partners, largest combined spend first.</summary>
    public static IReadOnlyList<SharedSupplier> Find(
        IEnumerable<PartnerTransaction> lines,
        SupplierResolution resolution,
        int minimumPartners = 2,
        decimal savingRate = DefaultSavingRate)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(resolution);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumPartners, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(savingRate);

        var result = new List<SharedSupplier>();
        foreach (var group in lines
            .Select(l => (Line: l, Cluster: resolution.ClusterOf(l)))
            .Where(x => x.Cluster is not null)
            .GroupBy(x => x.Cluster!, ReferenceEqualityComparer.Instance))
        {
            var cluster = (SupplierCluster)group.Key!;
            var items = group.Select(x => x.Line).ToList();
            var byPartner = items.GroupBy(l => l.Agency, StringComparer.Ordinal)
                .Select(g => new PartnerAmount(g.Key, g.Sum(l => l.Line.Amount), g.Count()))
                .OrderByDescending(p => p.Amount).ThenBy(p => p.Agency, StringComparer.Ordinal).ToList();
            if (byPartner.Count < minimumPartners)
            {
                continue;
            }

            var total = byPartner.Sum(p => p.Amount);
            var byType = items.GroupBy(l => string.IsNullOrWhiteSpace(l.Line.ExpenseType) ? "(none given)" : l.Line.ExpenseType!.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(g => new LabelledAmount(g.Key, g.Sum(l => l.Line.Amount), g.Count()))
                .OrderByDescending(x => x.Amount).ToList();
            var byYear = items.GroupBy(l => l.Line.FiscalYear.ToString())
                .Select(g => new LabelledAmount(g.Key, g.Sum(l => l.Line.Amount), g.Count()))
                .OrderBy(x => x.Label, StringComparer.Ordinal).ToList();
            var contracts = items
                .Select(l => (l.Agency, Contract: DuplicatePaymentDetector.NormaliseReference(l.Line.ContractReference)))
                .Where(c => c.Contract.Length > 0)
                .ToList();
            result.Add(new SharedSupplier(cluster.Key, cluster.Name, cluster.Spellings, total, byPartner, byType, byYear,
                Math.Round(Math.Max(total, 0m) * savingRate, 2))
            {
                Lines = items.Count,
                LinesWithContract = contracts.Count,
                Contracts = contracts.Distinct().Count(),
            });
        }

        return [.. result.OrderByDescending(s => s.Total).ThenByDescending(s => s.ByPartner.Count).ThenBy(s => s.Key, StringComparer.Ordinal)];
    }
}
