using TotalPlace.Core.Places;

namespace TotalPlace.Web.Dashboard;

/// <summary>One colour per theme, the same in every chart and on every page, so "housing" is always the same blue.</summary>
/// <remarks>The shipped themes take the palette in their shipped order; a theme users added takes a colour from a
/// stable hash of its code (not <see cref="string.GetHashCode()"/>, which differs between runs). Unclassified spend is
/// grey and is also hatched in the charts, so it is not told by colour alone.</remarks>
public static class ThemeColours
{
    /// <summary>The grey of unclassified spend.</summary>
    public const string Unclassified = "#999999";

    // Okabe-Ito without black and grey, then Paul Tol's muted set: distinguishable with the common colour-vision
    // deficiencies, and dark text with a white halo reads on each.
    private static readonly string[] s_palette =
    [
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
        "#882255", "#44AA99", "#117733", "#332288", "#AA4499", "#DDCC77",
    ];

    /// <summary>The colour of a theme code ("housing"); grey for unclassified or no theme.</summary>
    public static string For(string? themeCode)
    {
        if (Labels.IsUnclassified(themeCode))
        {
            return Unclassified;
        }

        for (var i = 0; i < Theme.Defaults.Count; i++)
        {
            if (string.Equals(Theme.Defaults[i].Code, themeCode, StringComparison.OrdinalIgnoreCase))
            {
                return s_palette[i % s_palette.Length];
            }
        }

        var hash = 2166136261u;
        foreach (var c in themeCode!.ToUpperInvariant())
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return s_palette[hash % (uint)s_palette.Length];
    }
}
