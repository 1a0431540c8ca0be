using System.Security.Cryptography;
using System.Text;

namespace TotalPlace.Import;

/// <summary>The identity of a header row, so a mapping a user confirmed for one file is found again for the next file
/// a publisher sends with the same header: the SHA-256 of the header's cells, each trimmed, with runs of white space
/// made one space and letters lower-cased, and the empty cells at the end of the row dropped.</summary>
/// <remarks>Column order matters (a mapping names columns by number), so two headers with the same names in another
/// order have different signatures; case, padding and trailing empty cells do not.</remarks>
public static class HeaderSignature
{
    /// <summary>The signature (64 lower-case hex digits) of a header row, or null when every cell is empty.</summary>
    public static string? Of(IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var normalised = Normalise(cells);
        if (normalised.Count == 0)
        {
            return null;
        }

        var text = string.Join('\u001f', normalised);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The cells as compared: trimmed, white space collapsed, lower case, trailing empty cells dropped.</summary>
    public static IReadOnlyList<string> Normalise(IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var result = new List<string>(cells.Count);
        foreach (var cell in cells)
        {
            result.Add(NormaliseCell(cell));
        }

        while (result.Count > 0 && result[^1].Length == 0)
        {
            result.RemoveAt(result.Count - 1);
        }

        return result;
    }

    private static string NormaliseCell(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(cell.Length);
        var space = false;
        foreach (var c in cell.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
