using System.Globalization;
using TotalPlace.Core.Places;

namespace TotalPlace.Storage;

/// <summary>The ONS Census 2011 and 2021 population of the areas of England and Wales, bundled in TotalPlace.Core
/// (Data/ons, Open Government Licence v3), used to name and size a place the first time its GSS code is seen.</summary>
public static class OnsPopulation
{
    private static readonly Lazy<IReadOnlyDictionary<string, Place>> s_places = new(Load);

    /// <summary>Every area in the list, by GSS code.</summary>
    public static IReadOnlyDictionary<string, Place> Places => s_places.Value;

    /// <summary>The place with this GSS code (name and 2011 and 2021 Census populations), or null when not listed.</summary>
    public static Place? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Places.GetValueOrDefault(code.Trim().ToUpperInvariant());
    }

    private static Dictionary<string, Place> Load()
    {
        var assembly = typeof(Place).Assembly;
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.EndsWith("ons-census-2021-population-by-local-authority.csv", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The ONS Census 2021 population list (Data/ons) is missing from TotalPlace.Core.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var places = new Dictionary<string, Place>(StringComparer.Ordinal);
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            // The file has no quoted cells; names with commas would need a CSV reader.
            var cells = line.Split(',');
            if (cells.Length < 5)
            {
                continue;
            }

            var population = new Dictionary<int, long>();
            if (long.TryParse(cells[3], NumberStyles.None, CultureInfo.InvariantCulture, out var p2011))
            {
                population[2011] = p2011;
            }

            if (long.TryParse(cells[4], NumberStyles.None, CultureInfo.InvariantCulture, out var p2021))
            {
                population[2021] = p2021;
            }

            places[cells[0]] = new Place(cells[0], cells[1], population);
        }

        return places;
    }
}
