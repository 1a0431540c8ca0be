using System.Text;
using TotalPlace.Core.Waste;
using TotalPlace.Testing;

namespace TotalPlace.Core.Tests.Waste;

/// <summary>A labelled set of real supplier names derived at run time from Devon County Council's two published
/// "expenditure over £500" files in ../shared/data, by a rule that does not use the resolver: the council's own
/// vendor number (Supplier ID) says which names are one body. Nothing from those files is kept in the repository.</summary>
/// <remarks>A row is each distinct (file, supplier name, vendor number). Two rows are one body when they share a vendor
/// number or are spelt identically (taken together, transitively). The resolver is shown the names only (the vendor
/// number is withheld), so the labels are independent of what it sees. The rule is one-sided: it never joins two
/// bodies, but a body the council set up twice under different spellings ("ROYAL MAIL GROUP" and "ROYAL MAIL GROUP
/// LTD") is labelled as two, so the precision measured against it is a lower bound. Redacted names are left out.</remarks>
internal static class LabelledSuppliers
{
    public const string Agency = "Devon County Council";

    private static readonly (string File, int CodePage)[] s_files =
    [
        ("spend-samples/devon-county-council/DCCSpendingOver500_201407.csv", 1252),
        ("spend-samples/devon-county-council/DCCSpendingOver500_202504.csv", 65001),
    ];

    public sealed record Row(string Source, SupplierEntry Entry, string Cluster);

    public static IReadOnlyList<Row> Load()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var rows = new HashSet<Row>();
        foreach (var (file, codePage) in s_files)
        {
            using var lines = File.ReadLines(SharedData.File(file), Encoding.GetEncoding(codePage)).GetEnumerator();
            Assert.True(lines.MoveNext(), file + " is empty");
            var header = SplitCsv(lines.Current);
            var nameColumn = Column(header, "Supplier Name", file);
            var idColumn = Column(header, "Supplier ID", file);
            while (lines.MoveNext())
            {
                var f = SplitCsv(lines.Current);
                if (f.Count <= Math.Max(nameColumn, idColumn))
                {
                    continue;
                }

                var name = f[nameColumn].Trim();
                var vendor = f[idColumn].Trim();
                if (name.Length == 0 || vendor.Length == 0 || name.Contains("REDACTED", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                rows.Add(new Row(Path.GetFileNameWithoutExtension(file), new SupplierEntry(Agency, name), "vendor " + vendor));
            }
        }

        return SameNameIsSameBody([.. rows.OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Entry.Name, StringComparer.Ordinal).ThenBy(r => r.Cluster, StringComparer.Ordinal)]);
    }

    /// <summary>Merges the vendor-number clusters of rows spelt identically, so each row's label is the smallest
    /// vendor label reachable through shared vendor numbers and identical names.</summary>
    private static List<Row> SameNameIsSameBody(List<Row> rows)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
            {
                x = p;
            }

            return x;
        }

        foreach (var group in rows.GroupBy(r => r.Entry.Name, StringComparer.Ordinal))
        {
            var roots = group.Select(r => Find(r.Cluster)).Distinct().Order(StringComparer.Ordinal).ToList();
            foreach (var root in roots)
            {
                parent[root] = roots[0];
            }
        }

        return [.. rows.Select(r => r with { Cluster = Find(r.Cluster) })];
    }

    private static int Column(List<string> header, string name, string file)
    {
        var index = header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw new InvalidOperationException($"{file} has no '{name}' column.");
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        fields.Add(sb.ToString());
        return fields;
    }
}
