using TotalPlace.Storage;

namespace TotalPlace.Application.Counting;

/// <summary>The dimensions a map may be grouped by, as a person writes them: "theme,agency,year".</summary>
public static class MapDimensions
{
    /// <summary>What a map is grouped by when the request names nothing.</summary>
    public static IReadOnlyList<MapDimension> Default { get; } = [MapDimension.Theme];

    /// <summary>Reads a comma-separated list (any case, spaces allowed), keeping its order. Null means
    /// <see cref="Default"/>; an empty list means the grand total only.</summary>
    /// <param name="text">The list as written.</param>
    /// <param name="subject">How the host names the input in a message: "--by" or "by".</param>
    /// <param name="dimensions">The dimensions read, in order.</param>
    /// <param name="error">One line naming the input and what is wrong, or null.</param>
    public static bool TryParse(string? text, string subject, out IReadOnlyList<MapDimension> dimensions, out string? error)
    {
        error = null;
        if (text is null)
        {
            dimensions = Default;
            return true;
        }

        var list = new List<MapDimension>();
        dimensions = list;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<MapDimension>(part, ignoreCase: true, out var dimension) || !Enum.IsDefined(dimension) || int.TryParse(part, out _))
            {
                error = $"{subject} '{part}' is not a dimension; use theme, agency, year, funding or source, comma-separated.";
                return false;
            }

            if (list.Contains(dimension))
            {
                error = $"{subject} names '{part}' twice; each dimension may appear once.";
                return false;
            }

            list.Add(dimension);
        }

        return true;
    }
}
