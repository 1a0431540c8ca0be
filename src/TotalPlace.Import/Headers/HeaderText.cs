using System.Text;

namespace TotalPlace.Import.Headers;

/// <summary>Normalises header names so "  Transaction\r\nNumber ", "TRANSACTION NUMBER" and "Transaction_Number"
/// compare equal.</summary>
internal static class HeaderText
{
    public static string Normalise(ReadOnlySpan<char> header)
    {
        var builder = new StringBuilder(header.Length);
        var pendingSpace = false;
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>How a column is named in messages: its header text on one line, or "column N" when it has none.</summary>
    public static string Display(string? header, int index)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return $"column {index + 1}";
        }

        var oneLine = string.Join(' ', header.Split((char[])['\r', '\n', '\t', ' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
        return oneLine;
    }
}
