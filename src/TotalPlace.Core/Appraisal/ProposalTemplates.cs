namespace TotalPlace.Core.Appraisal;

/// <summary>Built-in proposal files to start from, using Unit Cost Database entries.</summary>
public static class ProposalTemplates
{
    private static readonly Dictionary<string, string> s_files = new(StringComparer.OrdinalIgnoreCase)
    {
        ["neet-construction"] = "neet-construction.json",
        ["workless-claimants"] = "workless-claimants.json",
    };

    /// <summary>The template names: "neet-construction" (young people NEET into construction jobs) and
    /// "workless-claimants" (JSA claimants into work, the worked example of docs/cba-method.md).</summary>
    public static IReadOnlyCollection<string> Names => s_files.Keys;

    /// <summary>The JSON text of template <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No template has that name.</exception>
    public static string Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_files.TryGetValue(name, out var file)
            ? EmbeddedData.ReadText("templates/" + file)
            : throw new KeyNotFoundException($"no template '{name}'; templates are {string.Join(", ", s_files.Keys)}");
    }
}
