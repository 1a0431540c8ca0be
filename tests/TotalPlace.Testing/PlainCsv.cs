using System.Text;

namespace TotalPlace.Testing;

/// <summary>A deliberately plain CSV splitter, sharing no code with the product's reader, so tests can check the
/// importer's totals against a reading nobody copied from it. Records with only empty cells are dropped.</summary>
public static class PlainCsv
{
    /// <summary>RFC 4180 records: commas, double quotes with doubled-quote escapes, line breaks inside quotes.</summary>
    public static List<List<string>> Records(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(cell.ToString());
                cell.Clear();
                if (record.Any(v => v.Length > 0))
                {
                    records.Add(record);
                }

                record = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        record.Add(cell.ToString());
        if (record.Any(v => v.Length > 0))
        {
            records.Add(record);
        }

        return records;
    }
}
