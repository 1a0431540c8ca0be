using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;

namespace TotalPlace.Storage;

/// <summary>Classifies lines for an engine with the Core rules, remembering the theme of each distinct key, so a file
/// of a million lines costs one rule evaluation per distinct (service code, area, type…) combination.</summary>
internal sealed class StoreClassifier
{
    private static readonly HashSet<ClassificationField> s_strongFields =
        [ClassificationField.ServiceCode, ClassificationField.ExpenseArea, ClassificationField.ExpenseType];

    private readonly Dictionary<ClassificationKey, string> _cache = [];
    private readonly Dictionary<ClassificationKey, ClassificationRule?> _strongCache = [];
    private readonly Dictionary<string, string> _themeByText;
    private readonly ClassificationRules _strongRules;
    private readonly int? _maxWeakPriority;

    public StoreClassifier(ClassificationRules rules, IReadOnlyCollection<Theme> themes)
    {
        Rules = rules;
        _themeByText = BuildThemeLookup(themes);
        _strongRules = new ClassificationRules(rules.Rules.Where(r => s_strongFields.Contains(r.Field)));
        var weak = rules.Rules.Where(r => !s_strongFields.Contains(r.Field)).ToList();
        _maxWeakPriority = weak.Count == 0 ? null : weak.Max(r => r.Priority);
    }

    public ClassificationRules Rules { get; }

    public string Classify(Transaction line) => Classify(ClassificationKey.Of(line));

    /// <remarks>Two stages, giving exactly <see cref="ClassificationRules.Classify(ClassificationKey)"/>'s answer: the
    /// service code, area and type decide almost every line and have few distinct values, so their winning rule is
    /// cached by those three fields; description and supplier (nearly unique per line) are consulted only when no
    /// strong rule matched or one of their rules could outrank the strong winner.</remarks>
    public string Classify(ClassificationKey key)
    {
        var strongKey = new ClassificationKey(key.ServiceCode, key.ExpenseArea, key.ExpenseType, null, null);
        if (!_strongCache.TryGetValue(strongKey, out var strong))
        {
            strong = _strongRules.Match(strongKey);
            _strongCache[strongKey] = strong;
        }

        if (strong is not null && (_maxWeakPriority is null || strong.Priority > _maxWeakPriority))
        {
            return strong.Theme;
        }

        if (_maxWeakPriority is null)
        {
            return Theme.Unclassified.Code;
        }

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
