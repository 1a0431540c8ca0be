using System.Text;
using TotalPlace.Core.Places;

namespace TotalPlace.Web.Dashboard;

/// <summary>Turns stored keys into the words people read.</summary>
internal static class Labels
{
    /// <summary>"LocalTaxation" → "Local taxation"; text that already has spaces is left alone.</summary>
    public static string Humanize(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return "Not stated";
        }

        if (key.Contains(' ', StringComparison.Ordinal) || !key.Any(char.IsUpper) || key.Any(c => !char.IsAsciiLetterOrDigit(c)))
        {
            return key;
        }

        var text = new StringBuilder(key.Length + 8);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(key[i - 1]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    public static bool IsUnclassified(string? theme) =>
        string.IsNullOrEmpty(theme)
        || string.Equals(theme, Theme.Unclassified.Code, StringComparison.OrdinalIgnoreCase)
        || string.Equals(theme, Theme.Unclassified.Name, StringComparison.OrdinalIgnoreCase);
}
