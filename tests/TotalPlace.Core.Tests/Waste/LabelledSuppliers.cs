using System.Runtime.CompilerServices;
using System.Text;
using TotalPlace.Core.Waste;

namespace TotalPlace.Core.Tests.Waste;

/// <summary>The hand-labelled supplier set in Data/supplier-labels.csv (see Data/README.md), read from the source tree.</summary>
internal static class LabelledSuppliers
{
    public sealed record Row(string Source, SupplierEntry Entry, string Cluster, bool Personal);

    public static IReadOnlyList<Row> Load()
    {
        var path = Path.Combine(SourceFolder(), "Data", "supplier-labels.csv");
        var rows = new List<Row>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = SplitCsv(line);
            var id = f[2].Length == 0 ? null : f[2];
            rows.Add(new Row(f[0], new SupplierEntry(f[1], f[3], id), f[4], f[5] == "personal"));
        }

        return rows;
    }

    /// <summary>The folder of this source file: tests read their data from the source tree, wherever the binaries are built.</summary>
    public static string SourceFolder([CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? throw new InvalidOperationException("The compiler gave no source path.");

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
