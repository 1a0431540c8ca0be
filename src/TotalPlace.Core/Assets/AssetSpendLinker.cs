using System.Globalization;
using TotalPlace.Core.Spending;
using TotalPlace.Core.Waste;

namespace TotalPlace.Core.Assets;

/// <summary>
/// Links assets' running costs to the spend map: a partner's premises lines (rent, rates, energy, water, cleaning,
/// repairs…) that name one of its own assets by UPRN, postcode or name in the description or expense area.
/// </summary>
/// <remarks>
/// <para>Precision first: a line links only to an asset of the partner that paid it; a name needs two or more words,
/// eight or more letters and one word that is not generic ("CIVIC CENTRE" counts, "CAR PARK" does not) and must appear
/// as whole words; a line that names two assets links to neither and is counted as ambiguous. A UPRN match wins over
/// a postcode or name match.</para>
/// <para>The register's running cost is annual, so each asset is compared with its latest financial year that has
/// linked lines. Lines of other kinds (staff, care packages) at a building's cost centre are not running costs and are
/// left out.</para>
/// </remarks>
public static class AssetSpendLinker
{
    private static readonly string[] s_premises =
    [
        "RENT", "RATES", "NNDR", "ENERGY", "ELECTRIC", "GAS", "WATER", "SEWER", "UTILIT", "FUEL", "HEATING", "LIGHTING",
        "CLEAN", "REPAIR", "MAINTEN", "SECURITY", "SERVICE CHARGE", "PREMISES", "BUILDING", "PROPERTY", "INSURANCE",
        "FACILIT", "GROUNDS", "LEASE", "RUNNING COST",
    ];

    private static readonly HashSet<string> s_generic = new(StringComparer.Ordinal)
    {
        "THE", "OF", "AND", "AT", "ON", "IN", "LAND", "SITE", "PLOT", "FORMER", "CAR", "PARK", "BUILDING", "BUILDINGS",
        "OFFICE", "OFFICES", "DEPOT", "CENTRE", "CENTER", "HOUSE", "HALL", "ROAD", "STREET", "LANE", "AVENUE", "WAY",
        "NORTH", "SOUTH", "EAST", "WEST", "CENTRAL", "PUBLIC", "CONVENIENCES", "TOILETS", "GARAGE", "GARAGES", "FIELD",
        "FIELDS", "UNIT", "UNITS", "BLOCK", "STORE", "STORES", "YARD", "PREMISES", "PROPERTY", "ESTATE", "AREA", "NEW",
        "OLD", "MAIN", "LIBRARY", "SCHOOL", "STATION", "CLINIC", "HEALTH", "POLICE", "FIRE", "COMMUNITY", "SPORTS",
        "LEISURE", "SERVICES", "SERVICE", "COUNCIL", "COUNTY", "CITY", "TOWN", "VILLAGE", "GREEN", "COTTAGE", "FARM",
    };

    /// <summary>Links each partner's premises lines to its assets and totals the estate's running cost beside them.</summary>
    public static AssetSpendLinks Link(IReadOnlyList<Asset> assets, IEnumerable<PartnerTransaction> lines)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(lines);
        var withCost = assets.Where(a => a.RunningCost is not null).ToList();
        if (assets.Count == 0)
        {
            return AssetSpendLinks.None;
        }

        var indexes = assets.GroupBy(a => a.Agency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new AgencyIndex(g), StringComparer.Ordinal);
        var linked = new Dictionary<Asset, Dictionary<FiscalYear, (int Lines, decimal Amount, SortedSet<string> Rules)>>(ReferenceEqualityComparer.Instance);
        var ambiguous = 0;
        var matches = new Dictionary<Asset, string>(ReferenceEqualityComparer.Instance);
        foreach (var line in lines)
        {
            if (!indexes.TryGetValue(line.Agency, out var index) || !IsPremises(line.Line.ExpenseType, line.Line.Description))
            {
                continue;
            }

            matches.Clear();
            index.Match(line.Line, matches);
            if (matches.Count == 0)
            {
                continue;
            }

            if (matches.Count > 1)
            {
                ambiguous++;
                continue;
            }

            var (asset, rule) = matches.First();
            if (!linked.TryGetValue(asset, out var years))
            {
                linked[asset] = years = [];
            }

            var year = line.Line.FiscalYear;
            var (count, amount, rules) = years.TryGetValue(year, out var y) ? y : (0, 0m, new SortedSet<string>(StringComparer.Ordinal));
            rules.Add(rule);
            years[year] = (count + 1, amount + line.Line.Amount, rules);
        }

        var byAsset = linked
            .Select(kv =>
            {
                var latest = kv.Value.Keys.Max();
                var (count, amount, rules) = kv.Value[latest];
                return new AssetSpend(kv.Key, latest, count, amount, [.. rules]);
            })
            .OrderByDescending(a => a.Amount).ThenBy(a => a.Asset.Agency, StringComparer.Ordinal).ThenBy(a => a.Asset.Name, StringComparer.Ordinal)
            .ToList();
        return new AssetSpendLinks(
            byAsset,
            withCost.Sum(a => a.RunningCost!.Value),
            withCost.Count,
            byAsset.Where(a => a.Asset.RunningCost is not null).Sum(a => a.Asset.RunningCost!.Value),
            byAsset.Sum(a => a.Amount),
            ambiguous);
    }

    /// <summary>True when the expense type (or, without one, the description) reads as a premises running cost.</summary>
    internal static bool IsPremises(string? expenseType, string? description)
    {
        var text = string.IsNullOrWhiteSpace(expenseType) ? description : expenseType;
        return text is not null && s_premises.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Upper-case words of letters and digits.</summary>
    internal static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToUpperInvariant());
                start = -1;
            }
        }

        return words;
    }

    private sealed class AgencyIndex
    {
        private readonly Dictionary<string, List<Asset>> _uprns = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Asset>> _postcodes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(string[] Words, Asset Asset)>> _names = new(StringComparer.Ordinal);

        public AgencyIndex(IEnumerable<Asset> assets)
        {
            foreach (var asset in assets)
            {
                if (asset.Uprn is { } uprn && new string([.. uprn.Where(char.IsAsciiDigit)]).TrimStart('0') is { Length: >= 6 } digits)
                {
                    Add(_uprns, digits, asset);
                }

                if (asset.Postcode is { } postcode && string.Concat(Words(postcode)) is { Length: >= 5 and <= 7 } code && char.IsAsciiLetter(code[0]) && char.IsAsciiDigit(code[^3]))
                {
                    Add(_postcodes, code, asset);
                }

                var name = Words(asset.Name);
                if (name.Count >= 2 && name.Sum(w => w.Length) >= 8 && name.Any(w => !s_generic.Contains(w) && !w.All(char.IsAsciiDigit)))
                {
                    if (!_names.TryGetValue(name[0], out var list))
                    {
                        _names[name[0]] = list = [];
                    }

                    list.Add(([.. name], asset));
                }
            }
        }

        public void Match(Transaction line, Dictionary<Asset, string> matches)
        {
            var numbers = Words(line.Description).Concat(Words(line.ExpenseArea)).Concat(Words(line.ServiceCode)).Concat(Words(line.Reference));
            foreach (var word in numbers)
            {
                if (word.Length >= 6 && _uprns.TryGetValue(word.TrimStart('0'), out var byUprn))
                {
                    foreach (var asset in byUprn)
                    {
                        matches[asset] = "UPRN " + word.TrimStart('0');
                    }
                }
            }

            if (matches.Count > 0)
            {
                return; // a UPRN is the strongest evidence: names and postcodes on the same line do not override it
            }

            foreach (var text in new[] { line.Description, line.ExpenseArea })
            {
                var words = Words(text);
                for (var i = 0; i < words.Count; i++)
                {
                    if (i + 1 < words.Count && _postcodes.TryGetValue(words[i] + words[i + 1], out var byPostcode))
                    {
                        foreach (var asset in byPostcode)
                        {
                            matches.TryAdd(asset, $"postcode {words[i]} {words[i + 1]}");
                        }
                    }

                    if (_names.TryGetValue(words[i], out var candidates))
                    {
                        foreach (var (name, asset) in candidates)
                        {
                            if (i + name.Length <= words.Count && words.Skip(i).Take(name.Length).SequenceEqual(name, StringComparer.Ordinal))
                            {
                                matches.TryAdd(asset, string.Create(CultureInfo.InvariantCulture, $"name '{string.Join(' ', name)}'"));
                            }
                        }
                    }
                }
            }
        }

        private static void Add(Dictionary<string, List<Asset>> index, string key, Asset asset)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            list.Add(asset);
        }
    }
}
