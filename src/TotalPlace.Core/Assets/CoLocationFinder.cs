using System.Globalization;

namespace TotalPlace.Core.Assets;

/// <summary>Finds co-location candidates: assets of different partners within a distance, with low utilisation.</summary>
/// <remarks>Assets are linked when they belong to different partners, lie within the distance, and at least one of the
/// two is under-used; linked assets form groups (connected components). Pairs are found by sorting on easting or
/// longitude and scanning a band, so cost stays near-linear for a city's estate.</remarks>
public static class CoLocationFinder
{
    /// <summary>The groups of assets that could share a building, with estimates, largest revenue saving first.</summary>
    public static IReadOnlyList<CoLocationCandidate> Find(IReadOnlyList<Asset> assets, CoLocationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assets);
        options ??= CoLocationOptions.Default;
        var parent = Enumerable.Range(0, assets.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var longest = new Dictionary<(int, int), double>();
        var links = new List<(int A, int B, double Metres)>();

        // Band scan: sort by a rough x coordinate in metres and compare only within the distance.
        var order = Enumerable.Range(0, assets.Count).Where(i => X(assets[i]) is not null).OrderBy(i => X(assets[i])).ToArray();
        for (var p = 0; p < order.Length; p++)
        {
            for (var q = p + 1; q < order.Length && X(assets[order[q]])!.Value - X(assets[order[p]])!.Value <= options.MaxDistanceMetres; q++)
            {
                var (a, b) = (assets[order[p]], assets[order[q]]);
                if (string.Equals(a.Agency, b.Agency, StringComparison.Ordinal) || !(IsLow(a, options) || IsLow(b, options)))
                {
                    continue;
                }

                if (GeoDistance.Between(a, b) is { } metres && metres <= options.MaxDistanceMetres)
                {
                    links.Add((order[p], order[q], metres));
                    parent[Find(order[p])] = Find(order[q]);
                }
            }
        }

        var result = new List<CoLocationCandidate>();
        foreach (var group in links.GroupBy(l => Find(l.A)))
        {
            var members = group.SelectMany(l => new[] { l.A, l.B }).Distinct().Order().Select(i => assets[i]).ToList();
            result.Add(Estimate(members, group.Max(l => l.Metres), options));
        }

        return [.. result.OrderByDescending(c => c.RevenueSaving + c.CapitalReceipt).ThenBy(c => c.Keep.Name, StringComparer.Ordinal)];
    }

    private static CoLocationCandidate Estimate(List<Asset> members, double maxMetres, CoLocationOptions options)
    {
        var keep = members.OrderByDescending(a => a.FloorArea ?? 0m).ThenBy(a => a.Name, StringComparer.Ordinal).First();
        var vacated = members.Where(a => !ReferenceEquals(a, keep)).ToList();
        var running = members.Sum(a => a.RunningCost ?? 0m);
        var revenue = Math.Round(vacated.Sum(a => a.RunningCost ?? 0m) * options.RunningCostSavedShare, 2);
        var capital = Math.Round(vacated.Where(a => a.IsFreehold).Sum(a => a.FloorArea ?? 0m) * options.CapitalValuePerSquareMetre, 2);
        bool? fits = members.All(a => a.FloorArea is not null && a.Utilisation is not null)
            ? members.Sum(a => a.FloorArea!.Value * a.Utilisation!.Value) <= keep.FloorArea!.Value
            : null;
        var inv = CultureInfo.InvariantCulture;
        var assumptions = new List<string>
        {
            string.Create(inv, $"Services move into {keep.Name} ({keep.Agency}), the largest by floor area."),
            string.Create(inv, $"{options.RunningCostSavedShare:P0} of each vacated building's running cost is saved; the rest follows the service."),
            string.Create(inv, $"Vacated freehold space is worth £{options.CapitalValuePerSquareMetre:N0} per square metre; leasehold space brings no receipt."),
            fits switch
            {
                true => "The space in use across the group fits into the kept building.",
                false => "The space in use across the group does not fit into the kept building: a partial move at most.",
                null => "Floor area or utilisation is missing for some assets, so whether the group fits is unknown.",
            },
        };
        return new CoLocationCandidate(members, keep, maxMetres, running, revenue, capital, fits, assumptions);
    }

    private static bool IsLow(Asset a, CoLocationOptions options) => a.Utilisation is { } u && u <= options.LowUtilisation;

    // A coordinate in metres along one axis for the band scan: easting, or longitude scaled at UK latitudes (a degree
    // of longitude is at least 55 km south of 60°N, so using 55 km keeps the band wide enough).
    private static double? X(Asset a) => a.Easting ?? (a.Longitude is { } lon ? lon * 55_000 : null);
}
