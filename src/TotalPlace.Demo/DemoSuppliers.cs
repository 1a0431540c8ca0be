using System.Globalization;

namespace TotalPlace.Demo;

/// <summary>Invented supplier names that read like those in published spend files: regional words, a trade, and a
/// company suffix written the way different finance systems write it ("Ltd", "Limited", "LTD", "Ltd.").</summary>
/// <remarks>No name is taken from a real company register; any resemblance is accidental. The same supplier is paid
/// by several partners, each writing its name its own way, as happens in real files (the waste finder's job).</remarks>
internal static class DemoSuppliers
{
    private static readonly string[] s_words =
    [
        "Pennine", "Irwell", "Mersey", "Medlock", "Northern", "Red Rose", "Peakside", "Bridgewater", "Moorside", "Oakwood",
        "Ashfield", "Kingsway", "Castlefield", "Ancoats", "Tameside Valley", "Etherow", "Roch Valley", "Beacon", "Greenway",
        "Millstone", "Ridgeway", "Brookfield", "Holly Bank", "Lowry", "Cottonfield", "Daisy Bank", "Heaton", "Sunnyside",
        "Harbour", "Summit", "Keystone", "Bluebell", "Foxdenton", "Westwood", "Alder", "Riverside", "Meadowbank", "Parkfield",
        "Oldfield", "Marlborough", "Trinity", "Horizon", "Crescent", "Bright Futures", "Compass", "Lighthouse", "Anchor",
    ];

    private static readonly Dictionary<SupplierTrade, string[]> s_trades = new()
    {
        [SupplierTrade.Care] = ["Care Homes", "Homecare Services", "Care Services", "Nursing Homes", "Supported Living", "Healthcare"],
        [SupplierTrade.Children] = ["Fostering", "Childcare", "Children's Homes", "Family Services", "Youth Services"],
        [SupplierTrade.Construction] = ["Construction", "Civil Engineering", "Building Services", "Contractors", "Surfacing", "Groundworks"],
        [SupplierTrade.Ict] = ["IT Solutions", "Digital", "Systems", "Software", "Networks", "Technology"],
        [SupplierTrade.Consultancy] = ["Consulting", "Advisory", "Associates", "Partnership", "Management Consultants"],
        [SupplierTrade.Facilities] = ["Facilities Management", "Cleaning Services", "Security Services", "Catering", "Maintenance"],
        [SupplierTrade.Transport] = ["Coaches", "Travel", "Transport", "Taxis", "Fleet Services", "Motors"],
        [SupplierTrade.Voluntary] = ["Community Trust", "Foundation", "Recovery Network", "Advice Centre", "Action"],
        [SupplierTrade.Utilities] = ["Energy", "Power", "Water Services", "Utilities", "Electrical"],
        [SupplierTrade.Legal] = ["Solicitors", "Chambers", "Legal Services", "Law"],
        [SupplierTrade.Clinical] = ["Medical", "Clinical Services", "Healthcare", "Diagnostics", "Pharmacy", "Medical Supplies"],
        [SupplierTrade.Housing] = ["Housing Association", "Homes", "Lettings", "Housing Trust", "Residential"],
        [SupplierTrade.Waste] = ["Waste Services", "Recycling", "Environmental Services", "Skip Hire"],
        [SupplierTrade.Recruitment] = ["Recruitment", "Staffing", "Personnel", "Resourcing", "Training"],
        [SupplierTrade.Education] = ["Learning", "Education", "Academy Trust", "Training", "Books", "School Services"],
    };

    private static readonly Lazy<Dictionary<SupplierTrade, DemoSupplier[]>> s_pool = new(Build);

    /// <summary>The suppliers of a trade, in a fixed order.</summary>
    public static IReadOnlyList<DemoSupplier> Of(SupplierTrade trade) => s_pool.Value[trade];

    /// <summary>How one partner writes a supplier's name: the same choice every time for the same partner.</summary>
    public static string AsWrittenBy(DemoSupplier supplier, string partnerSlug)
    {
        var hash = StableHash(supplier.Name + "|" + partnerSlug);
        var name = supplier.Name;
        if (name.EndsWith(" Ltd", StringComparison.Ordinal))
        {
            var stem = name[..^4];
            name = (hash % 10) switch
            {
                0 or 1 => stem + " Limited",
                2 => (stem + " LTD").ToUpperInvariant(),
                3 => stem + " Ltd.",
                _ => name,
            };
        }
        else if (hash % 7 == 0)
        {
            name = name.ToUpperInvariant();
        }

        return name;
    }

    /// <summary>A hash that, unlike <see cref="string.GetHashCode()"/>, is the same in every process.</summary>
    public static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    private static Dictionary<SupplierTrade, DemoSupplier[]> Build()
    {
        var random = new Random(1974);
        var pool = new Dictionary<SupplierTrade, DemoSupplier[]>();
        foreach (var (trade, nouns) in s_trades)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var suppliers = new List<DemoSupplier>();
            while (suppliers.Count < 40)
            {
                var word = s_words[random.Next(s_words.Length)];
                var noun = nouns[random.Next(nouns.Length)];
                var charity = trade is SupplierTrade.Voluntary or SupplierTrade.Housing && random.Next(3) == 0;
                var suffix = charity ? "" : random.Next(12) switch
                {
                    0 => " PLC",
                    1 => " LLP",
                    2 => " CIC",
                    _ => " Ltd",
                };
                var name = word + " " + noun + suffix;
                if (!names.Add(name))
                {
                    continue;
                }

                var number = random.Next(10) == 0 ? null : random.Next(1_000_000, 14_999_999).ToString("D8", CultureInfo.InvariantCulture);
                suppliers.Add(new DemoSupplier(name, number, trade));
            }

            pool[trade] = [.. suppliers];
        }

        return pool;
    }
}
