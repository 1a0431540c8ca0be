using TotalPlace.Core.Spending;
using TotalPlace.Core.Waste;

namespace TotalPlace.Benchmarks.Waste;

/// <summary>Deterministic synthetic supplier names and payment lines for the waste benchmarks.</summary>
internal static class WasteData
{
    private static readonly string[] s_first =
    [
        "Alder", "Beacon", "Bluebell", "Castle", "Cedar", "Crown", "Delta", "Eden", "Falcon", "Granite", "Harbour", "Heron",
        "Ivy", "Juniper", "Kestrel", "Lantern", "Maple", "Meadow", "Northgate", "Oak", "Orchard", "Pennine", "Phoenix",
        "Quay", "Red Rose", "Riverside", "Rowan", "Saxon", "Summit", "Thames", "Tudor", "Unity", "Vale", "Westcountry", "Willow", "York",
    ];

    private static readonly string[] s_second =
    [
        "Care", "Clinical", "Security", "Facilities", "Building", "Learning", "Transport", "Catering", "Cleaning", "Consulting",
        "Legal", "Housing", "Energy", "Print", "Software", "Recruitment", "Therapy", "Nursing", "Youth", "Waste",
    ];

    private static readonly string[] s_third = ["Services", "Solutions", "Group", "Partners", "Trust", "Associates", "Homes", "Systems", "Centre", "Agency"];

    private static readonly string[] s_suffix = ["Ltd", "Limited", "LTD", "PLC", "LLP", "CIC", "& Co", ""];

    /// <summary>Distinct supplier names across partners: real-looking bases with a numbered or place qualifier, and
    /// spelling variants (case, suffix, "&amp;"/"and") so that about a third of the names have a partner to be found.</summary>
    public static List<SupplierEntry> Names(int count)
    {
        var rnd = new Random(20261124);
        var names = new HashSet<SupplierEntry>();
        var i = 0;
        while (names.Count < count)
        {
            var stem = $"{s_first[i % s_first.Length]} {s_second[(i / s_first.Length) % s_second.Length]} {s_third[(i / (s_first.Length * s_second.Length)) % s_third.Length]} {i / (s_first.Length * s_second.Length * s_third.Length)}";
            var agency = "Partner " + rnd.Next(12);
            names.Add(new SupplierEntry(agency, $"{stem} {s_suffix[rnd.Next(s_suffix.Length)]}".Trim()));
            if (rnd.Next(3) == 0 && names.Count < count)
            {
                names.Add(new SupplierEntry("Partner " + rnd.Next(12), $"{stem.ToUpperInvariant()} {s_suffix[rnd.Next(s_suffix.Length)].ToUpperInvariant()}".Trim()));
            }

            i++;
        }

        return [.. names];
    }

    /// <summary>Payment lines: suppliers drawn from <paramref name="suppliers"/> names, amounts, dates over two years,
    /// references, with about one line in a thousand a planted duplicate.</summary>
    public static List<PartnerTransaction> Lines(int count, int suppliers)
    {
        var rnd = new Random(7);
        var names = Names(suppliers);
        var lines = new List<PartnerTransaction>(count);
        var start = new DateOnly(2023, 4, 1);
        for (var n = 0; n < count; n++)
        {
            var entry = names[rnd.Next(names.Count)];
            var line = new Transaction
            {
                Date = start.AddDays(rnd.Next(730)),
                Amount = rnd.Next(500, 250_000) + (rnd.Next(100) / 100m),
                Supplier = entry.Name,
                Reference = "INV" + rnd.Next(10_000_000),
                ExpenseType = "Type " + rnd.Next(40),
                SourceRow = n + 2,
            };
            lines.Add(new PartnerTransaction(entry.Agency, line));
            if (rnd.Next(1000) == 0)
            {
                lines.Add(new PartnerTransaction(entry.Agency, line with { Date = line.Date.AddDays(rnd.Next(1, 10)) }));
                n++;
            }
        }

        return lines;
    }
}
