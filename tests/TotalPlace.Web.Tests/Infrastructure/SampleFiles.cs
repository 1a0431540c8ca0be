using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using TotalPlace.Import;
using TotalPlace.Storage;

namespace TotalPlace.Web.Tests.Infrastructure;

/// <summary>The real Devon file (read from ../shared/data/spend-samples) and the files derived from it at run time:
/// the first half (rows 1-118, seeded into the test store), the second half (the file a browser test uploads and
/// commits) and the second half with one amount broken (the validation report must name that row and column).</summary>
public static class SampleFiles
{
    public const string RealFileName = "DCCSpendingOver500_202504.csv";

    /// <summary>Data rows in the first half (the rest are in the second half).</summary>
    public const int FirstHalfRows = 118;

    /// <summary>The data row (1-based, within the second half) whose amount the error file breaks.</summary>
    public const int BrokenDataRow = 5;

    /// <summary>The physical line the error is on: the header is line 1.</summary>
    public const int BrokenLine = BrokenDataRow + 1;

    public const string BrokenAmount = "not a number";

    public static string RealPath => TotalPlace.Testing.SharedData.Devon202504;

    /// <summary>Reads a file with the product's reader (it must read cleanly) and commits it to the store as one batch
    /// of <paramref name="agency"/>; <paramref name="batchSha256"/> stands in for the file's own hash when a test
    /// loads the same content again as another batch.</summary>
    public static Task<BatchResult> CommitAsync(
        IPlaceStore store, string placeCode, string agency, string fileName, byte[] content, string importedBy, string? batchSha256 = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var read = SpendFileReader.Read(fileName, content);
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        return store.Spend.CommitTransactionsAsync(
            new BatchHeader(placeCode, agency, fileName, batchSha256 ?? read.Sha256, read.RowsRead, [], importedBy, DateTimeOffset.UtcNow),
            read.Transactions,
            cancellationToken);
    }

    private static string[] Lines()
    {
        var lines = File.ReadAllText(RealPath, Encoding.UTF8).Split(["\r\n", "\n"], StringSplitOptions.None);
        return [.. lines.Where(l => l.Length > 0)];
    }

    public static byte[] FirstHalf() => Join(Lines()[0], Lines()[1..(FirstHalfRows + 1)]);

    public static byte[] SecondHalf() => Join(Lines()[0], Lines()[(FirstHalfRows + 1)..]);

    /// <summary>The second half with one amount replaced by text, on line <see cref="BrokenLine"/>.</summary>
    public static byte[] SecondHalfWithError()
    {
        var lines = Lines();
        var rows = lines[(FirstHalfRows + 1)..];
        var line = rows[BrokenDataRow - 1];
        var amount = AmountsOf(Encoding.UTF8.GetBytes(lines[0] + "\n" + line + "\n")).Single().Text;
        var quoted = $",\"{amount}\",";
        var plain = $",{amount},";
        var broken = line.Contains(quoted, StringComparison.Ordinal)
            ? ReplaceFirst(line, quoted, $",{BrokenAmount},")
            : ReplaceFirst(line, plain, $",{BrokenAmount},");
        if (broken == line)
        {
            throw new InvalidOperationException($"Could not find the amount {amount} in line {BrokenLine}.");
        }

        rows[BrokenDataRow - 1] = broken;
        return Join(lines[0], rows);
    }

    /// <summary>The exact sum of a file's Amount column, read with Sep and parsed here, not by the importer.</summary>
    public static decimal IndependentTotal(byte[] csv) => AmountsOf(csv).Sum(a => a.Value);

    public static int DataRows(byte[] csv) => AmountsOf(csv).Count;

    private static List<(string Text, decimal Value)> AmountsOf(byte[] csv)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(csv);
        var amounts = new List<(string, decimal)>();
        foreach (var row in reader)
        {
            var text = row["Amount"].ToString();
            amounts.Add((text, decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture)));
        }

        return amounts;
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    private static byte[] Join(string header, IEnumerable<string> rows) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Prepend(header)) + "\r\n");
}
