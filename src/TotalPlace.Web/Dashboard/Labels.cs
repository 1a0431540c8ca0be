using System.Text;
using TotalPlace.Core.Places;

namespace TotalPlace.Web.Dashboard;

/// <summary>Turns stored keys into the words people read.</summary>
public static class Labels
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

    /// <summary>An enum value as words: <c>AgencyKind.LocalAuthority</c> → "Local authority".</summary>
    public static string Humanize<TEnum>(TEnum value)
        where TEnum : struct, Enum => Humanize(value.ToString());

    /// <summary>A count with its noun in the right number: "1 error", "2 errors", "1,204 lines".</summary>
    /// <param name="count">How many.</param>
    /// <param name="singular">The noun for one ("error").</param>
    /// <param name="plural">The noun for any other count; the singular with an "s" when not given.</param>
    public static string Count(long count, string singular, string? plural = null) =>
        count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) + " " + (count == 1 ? singular : plural ?? singular + "s");

    /// <summary>True for the theme that holds spend no rule has classified.</summary>
    public static bool IsUnclassified(string? theme) =>
        string.IsNullOrEmpty(theme)
        || string.Equals(theme, Theme.Unclassified.Code, StringComparison.OrdinalIgnoreCase)
        || string.Equals(theme, Theme.Unclassified.Name, StringComparison.OrdinalIgnoreCase);
}
