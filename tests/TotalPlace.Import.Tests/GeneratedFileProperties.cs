using System.Globalization;
using System.Text;
using FsCheck.Xunit;
using static TotalPlace.Import.Tests.SpendFiles;

namespace TotalPlace.Import.Tests;

/// <summary>Whole files built from random lines in random published styles: the reader's total is the sum of the
/// lines written, whatever the banners, blank lines, footers, encodings and line endings around them.</summary>
public sealed class GeneratedFileProperties
{
    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    [Property(MaxTest = 60)]
    public bool Read_RandomFile_TotalIsTheSumOfTheLinesWritten(int[] pennies, byte style, bool banner, bool footer, byte ending, bool windows1252)
    {
        var lineEnding = (ending % 3) switch { 0 => "\r\n", 1 => "\n", _ => "\r" };
        var lines = new List<string>();
        if (banner)
        {
            lines.Add("\"Payments over £500 - generated\",,,,,,");
            lines.Add(string.Empty);
        }

        lines.Add(Header);
        var expected = 0m;
        for (var i = 0; i < pennies.Length; i++)
        {
            var amount = pennies[i] / 100m;
            expected += amount;
            var date = new DateOnly(2024, 1, 1).AddDays(i % 366);
            lines.Add(string.Join(',', "Council", Date(date, style + i), $"T{i}", Amount(amount, style + i), i % 7 == 0 ? string.Empty : $"Supplier {i % 13}", "Rents", "Housing"));
            if (i % 5 == 4)
            {
                lines.Add(",,,,,,");
            }
        }

        if (footer && pennies.Length > 0 && expected != 0m)
        {
            lines.Add($"Total,,,\"{expected.ToString("#,##0.00", s_inv)}\",,,");
        }

        var text = string.Join(lineEnding, lines) + lineEnding;
        var bytes = windows1252 ? CodePage(text, 1252) : Encoding.UTF8.GetBytes(text);

        var result = Read(bytes);

        return result.Errors.Count == 0 && result.Total == expected && result.Transactions.Count == pennies.Length;
    }

    private static string Date(DateOnly date, int style) => (style % 5) switch
    {
        0 => date.ToString("dd/MM/yyyy", s_inv),
        1 => date.ToString("d/M/yy", s_inv),
        2 => date.ToString("dd-MMM-yy", s_inv),
        3 => date.ToString("yyyy-MM-dd", s_inv) + "T00:00:00",
        _ => (date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(s_inv),
    };

    private static string Amount(decimal amount, int style)
    {
        var magnitude = Math.Abs(amount).ToString("#,##0.00", s_inv);
        var negative = amount < 0;
        return (style % 6) switch
        {
            0 => amount.ToString("0.00", s_inv),
            1 => $"\"{(negative ? "-" : string.Empty)}£{magnitude}\"",
            2 => negative ? $"\"({magnitude})\"" : $"\"{magnitude}\"",
            3 => negative ? $"\"{magnitude}-\"" : $"\" {magnitude} \"",
            4 => $"\"{(negative ? "-" : string.Empty)}{magnitude}\u00A0\"",
            _ => $"\"{(negative ? "-" : string.Empty)}${magnitude}\"",
        };
    }
}
