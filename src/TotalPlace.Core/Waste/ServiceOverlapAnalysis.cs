using System.Text;

namespace TotalPlace.Core.Waste;

/// <summary>Finds services bought twice: the same theme and kind of expense bought by several partners in one place.</summary>
public static class ServiceOverlapAnalysis
{
    /// <summary>Groups lines by theme and normalised expense type; keeps groups with spend from at least
    /// <paramref name="minimumPartners"/> partners, ranked by <see cref="ServiceOverlap.Overlap"/>.</summary>
    public static IReadOnlyList<ServiceOverlap> Find(IEnumerable<PartnerTransaction> lines, SupplierResolution? resolution = null, int minimumPartners = 2)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumPartners, 2);

        var result = new List<ServiceOverlap>();
        foreach (var group in lines
            .Where(l => l.Line.Amount > 0m && !string.IsNullOrWhiteSpace(l.Line.ExpenseType))
            .GroupBy(l => (Theme: string.IsNullOrWhiteSpace(l.Theme) ? "unclassified" : l.Theme!, Type: ExpenseKey(l.Line.ExpenseType!))))
        {
            if (group.Key.Type.Length == 0)
            {
                continue;
            }

            var byPartner = group.GroupBy(l => l.Agency, StringComparer.Ordinal)
                .Select(g => new PartnerAmount(g.Key, g.Sum(l => l.Line.Amount), g.Count()))
                .OrderByDescending(p => p.Amount).ThenBy(p => p.Agency, StringComparer.Ordinal).ToList();
            if (byPartner.Count < minimumPartners)
            {
                continue;
            }

            var total = byPartner.Sum(p => p.Amount);
            var label = group.GroupBy(l => l.Line.ExpenseType!.Trim(), StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            var suppliers = resolution is null
                ? group.Select(l => SupplierNameNormaliser.Key(l.Line.Supplier)).Distinct(StringComparer.Ordinal).Count()
                : group.Select(l => resolution.ClusterOf(l)?.Key ?? "?").Distinct(StringComparer.Ordinal).Count();
            result.Add(new ServiceOverlap(group.Key.Theme, label, total, byPartner, total - byPartner[0].Amount, suppliers));
        }

        return [.. result.OrderByDescending(o => o.Overlap).ThenBy(o => o.Theme, StringComparer.Ordinal).ThenBy(o => o.ExpenseType, StringComparer.Ordinal)];
    }

    /// <summary>The grouping key of an expense type: lower case letters and digits, "&amp;" as "and", single spaces,
    /// with a trailing plural "s" dropped ("Rents" and "rent" group together).</summary>
    public static string ExpenseKey(string expenseType)
    {
        ArgumentNullException.ThrowIfNull(expenseType);
        var sb = new StringBuilder(expenseType.Length);
        foreach (var c in expenseType.Replace("&", " and ", StringComparison.Ordinal))
        {
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w);
        return string.Join(' ', words);
    }
}
