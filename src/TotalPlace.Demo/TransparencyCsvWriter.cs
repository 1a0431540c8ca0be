using System.Globalization;
using System.Text;
using TotalPlace.Core;
using TotalPlace.Core.Spending;

namespace TotalPlace.Demo;

/// <summary>Writes a synthetic Local Government Transparency Code "expenditure over £500" CSV of any length, the
/// same bytes for the same arguments: the input of the import benchmarks (10 million lines) and of demos.</summary>
/// <remarks>Columns: Body Name, Body, Date (dd/mm/yyyy), Transaction Number, Amount, Supplier Name, Supplier ID,
/// Expense Type, Expense Area, Service Code, Description; UTF-8 without BOM, CRLF line ends, RFC 4180 quoting.
/// Lines run through consecutive financial years from <see cref="FirstYear"/>, a million lines a year.</remarks>
public static class TransparencyCsvWriter
{
    /// <summary>The header line.</summary>
    public const string Header = "Body Name,Body,Date,Transaction Number,Amount,Supplier Name,Supplier ID,Expense Type,Expense Area,Service Code,Description";

    /// <summary>The first financial year written.</summary>
    public const int FirstYear = 2015;

    /// <summary>Lines per financial year before moving to the next.</summary>
    public const int LinesPerYear = 1_000_000;

    /// <summary>The partners whose files can be written (their slugs), e.g. "manchester-city-council".</summary>
    public static IReadOnlyList<string> Partners => [.. DemoPartners.All.Select(p => p.Slug)];

    /// <summary>Writes <paramref name="lines"/> data lines after the header.</summary>
    /// <param name="writer">Where to write; not closed.</param>
    /// <param name="lines">Data lines (not counting the header).</param>
    /// <param name="seed">Change for different, equally realistic, data.</param>
    /// <param name="partner">Whose file it looks like (a slug from <see cref="Partners"/>).</param>
    public static TransparencyFileSummary Write(TextWriter writer, long lines, int seed = 1, string partner = "manchester-city-council", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        var demoPartner = DemoPartners.All.FirstOrDefault(p => string.Equals(p.Slug, partner, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{partner}' is not a demo partner; use one of {string.Join(", ", Partners)}.", nameof(partner));
        writer.Write(Header);
        writer.Write("\r\n");
        var total = 0m;
        var written = 0L;
        var line = new StringBuilder(256);
        for (var year = FirstYear; written < lines; year++)
        {
            var count = (int)Math.Min(LinesPerYear, lines - written);
            foreach (var t in DemoTransactions.Generate(demoPartner, FiscalYear.StartingIn(year), count, seed))
            {
                if ((written & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                line.Clear();
                Cell(line, t.Body).Append(',');
                Cell(line, demoPartner.Body).Append(',');
                line.Append(t.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(',');
                Cell(line, t.Reference).Append(',');
                line.Append(t.Amount.ToString("0.00", CultureInfo.InvariantCulture)).Append(',');
                Cell(line, t.Supplier).Append(',');
                Cell(line, t.SupplierId).Append(',');
                Cell(line, t.ExpenseType).Append(',');
                Cell(line, t.ExpenseArea).Append(',');
                Cell(line, t.ServiceCode).Append(',');
                Cell(line, t.Description).Append("\r\n");
                writer.Write(line);
                total += t.Amount;
                written++;
            }
        }

        return new TransparencyFileSummary(written, total);
    }

    /// <summary>Writes the file to <paramref name="path"/> (UTF-8, no BOM), replacing it.</summary>
    public static TransparencyFileSummary WriteFile(string path, long lines, int seed = 1, string partner = "manchester-city-council", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 20);
        return Write(writer, lines, seed, partner, cancellationToken);
    }

    /// <summary>The lines <see cref="Write"/> writes, as transactions (what an importer should read back).</summary>
    public static IEnumerable<Transaction> Lines(long lines, int seed = 1, string partner = "manchester-city-council")
    {
        var demoPartner = DemoPartners.All.First(p => string.Equals(p.Slug, partner, StringComparison.OrdinalIgnoreCase));
        var written = 0L;
        for (var year = FirstYear; written < lines; year++)
        {
            var count = (int)Math.Min(LinesPerYear, lines - written);
            foreach (var t in DemoTransactions.Generate(demoPartner, FiscalYear.StartingIn(year), count, seed))
            {
                written++;
                yield return t;
            }
        }
    }

    private static StringBuilder Cell(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return line;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return line.Append(value);
        }

        return line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
