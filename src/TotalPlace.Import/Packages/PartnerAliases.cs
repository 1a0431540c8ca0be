using System.Text.RegularExpressions;
using TotalPlace.Core.Places;

namespace TotalPlace.Import.Packages;

/// <summary>The names a partner is commonly paid under, derived from its name and kind when a package lists no
/// aliases (the draft format had no place for them): "Lancashire Police Authority" and "The Police &amp; Crime
/// Commissioner for Lancashire" for the Lancashire PCC, "Lancashire Fire &amp; Rescue" for the fire authority.</summary>
/// <remarks>Only whole names are derived, from the area the partner's name starts with and the usual names of a body
/// of its kind; flows are matched on whole names, so a derived alias never turns "Lancashire Police Federation" into
/// the police. A package that lists aliases gets exactly those.</remarks>
public static partial class PartnerAliases
{
    /// <summary>The default aliases of a partner (its own name left out), or none when its area cannot be told.</summary>
    public static IReadOnlyList<string> Derive(string name, AgencyKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var area = AreaOf(name, kind);
        if (area is null)
        {
            return [];
        }

        IEnumerable<string> names = kind switch
        {
            AgencyKind.Police =>
            [
                $"{area} Police", $"{area} Police Authority", $"{area} Constabulary", $"{area} Police and Crime Commissioner",
                $"Police and Crime Commissioner for {area}", $"Office of the Police and Crime Commissioner for {area}",
                $"{area} Chief Constable", $"Chief Constable of {area}", $"Chief Constable for {area}",
            ],
            AgencyKind.FireAndRescue =>
            [
                $"{area} Fire and Rescue", $"{area} Fire and Rescue Service", $"{area} Fire and Rescue Authority",
                $"{area} Fire Authority", $"{area} Combined Fire Authority", $"{area} Fire Service",
            ],
            AgencyKind.LocalAuthority => CouncilNames(name, area),
            AgencyKind.Nhs when name.Contains("Integrated Care", StringComparison.OrdinalIgnoreCase) || name.EndsWith(" ICB", StringComparison.OrdinalIgnoreCase) =>
            [
                $"NHS {area} ICB", $"{area} ICB", $"NHS {area} Integrated Care Board", $"{area} Integrated Care Board",
            ],
            _ => [],
        };
        return [.. names.Where(n => !string.Equals(n, name, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static IEnumerable<string> CouncilNames(string name, string area)
    {
        var tier = TierPattern().Match(name);
        yield return $"{area} Council";
        if (tier.Success)
        {
            var word = tier.Groups[1].Value;
            yield return $"{area} {word} Council";
            yield return $"{area} {char.ToUpperInvariant(word[0])}C";
        }
    }

    /// <summary>The area a body's name starts with: the words before the first word naming its kind
    /// ("Lancashire" of "Lancashire Combined Fire Authority", "Lancashire and South Cumbria" of "NHS Lancashire and
    /// South Cumbria Integrated Care Board").</summary>
    private static string? AreaOf(string name, AgencyKind kind)
    {
        var words = name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && string.Equals(words[0], "NHS", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
        }

        if (words.Count > 0 && string.Equals(words[0], "The", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
        }

        var stop = kind switch
        {
            AgencyKind.Police => new[] { "Police", "Constabulary", "Chief", "Office" },
            AgencyKind.FireAndRescue => ["Combined", "Fire"],
            AgencyKind.LocalAuthority => ["Borough", "County", "District", "City", "Metropolitan", "Council", "Unitary"],
            AgencyKind.Nhs => ["Integrated", "ICB"],
            _ => [],
        };
        var end = words.FindIndex(w => stop.Contains(w, StringComparer.OrdinalIgnoreCase));
        return end <= 0 ? null : string.Join(' ', words.Take(end));
    }

    [GeneratedRegex(@"\b(Borough|County|District|City)\s+Council\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TierPattern();
}
