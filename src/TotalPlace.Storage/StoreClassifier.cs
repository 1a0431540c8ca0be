using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;

namespace TotalPlace.Storage;

/// <summary>Classifies lines for an engine with the Core rules, remembering the theme of each distinct key, so a file
/// of a million lines costs one rule evaluation per distinct (service code, area, type…) combination.</summary>
internal sealed class StoreClassifier(ClassificationRules rules, IReadOnlyCollection<Theme> themes)
{
    private readonly Dictionary<ClassificationKey, string> _cache = [];
    private readonly Dictionary<string, string> _themeByText = BuildThemeLookup(themes);

    public ClassificationRules Rules { get; } = rules;

    public string Classify(Transaction line) => Classify(ClassificationKey.Of(line));

    public string Classify(ClassificationKey key)
    {
        key = key.Keeping(Rules.Fields);
        if (!_cache.TryGetValue(key, out var theme))
        {
            theme = Rules.Classify(key);
            _cache[key] = theme;
        }

        return theme;
    }

    /// <summary>A statement's theme: its text when that is a theme code or name, else its text classified as a
    /// service (expense area and service code), else unclassified.</summary>
    public string ClassifyStatement(string themeOrService)
    {
        var text = themeOrService.Trim();
        return _themeByText.TryGetValue(text, out var code)
            ? code
            : Classify(new ClassificationKey(text, text, null, null, null));
    }

    private static Dictionary<string, string> BuildThemeLookup(IReadOnlyCollection<Theme> themes)
    {
        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var theme in themes)
        {
            lookup[theme.Code] = theme.Code;
            lookup.TryAdd(theme.Name, theme.Code);
        }

        return lookup;
    }
}
