using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TotalPlace.Core.Places;

namespace TotalPlace.Core.Spending;

/// <summary>An ordered set of classification rules, ready to classify spend lines into themes.</summary>
/// <remarks>
/// <para>A line gets the theme of the matching rule with the highest priority (earliest in the list on a tie), or
/// <see cref="Theme.Unclassified"/> when nothing matches: unmatched lines are shown as such, never dropped.</para>
/// <para>The rule file is CSV with the header <c>field,match,pattern,theme,priority,note</c>; <c>field</c> is one
/// of service_code, expense_area, expense_type, description, supplier; <c>match</c> is exact, prefix, contains or
/// regex. Blank lines and lines starting with <c>#</c> are ignored. Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class ClassificationRules
{
    private const string Header = "field,match,pattern,theme,priority,note";
    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromMilliseconds(250);
    private static readonly Lazy<ClassificationRules> s_default = new(LoadDefault);

    private readonly Matcher[] _matchers;

    /// <summary>Creates a rule set from rules in list order.</summary>
    /// <exception cref="ArgumentException">A pattern is empty, a regular expression does not compile, or a theme is blank.</exception>
    public ClassificationRules(IEnumerable<ClassificationRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = [.. rules];
        var matchers = new List<Matcher>(Rules.Count);
        for (var i = 0; i < Rules.Count; i++)
        {
            matchers.Add(Matcher.Create(Rules[i], i));
        }

        // Highest priority first, then list order: the first matcher that matches wins.
        _matchers = [.. matchers.OrderByDescending(m => m.Rule.Priority).ThenBy(m => m.Index)];
        Fields = Rules.Select(r => r.Field).ToHashSet();
    }

    /// <summary>The rules in list order.</summary>
    public IReadOnlyList<ClassificationRule> Rules { get; }

    /// <summary>The fields some rule reads; classification ignores the rest.</summary>
    public IReadOnlySet<ClassificationField> Fields { get; }

    /// <summary>The shipped default rules (Data/classification/default-rules.csv), mapping typical Local Government
    /// Transparency Code expense areas and types and NHS and central government categories to <see cref="Theme.Defaults"/>.</summary>
    public static ClassificationRules Default => s_default.Value;

    /// <summary>The theme code for a line's fields.</summary>
    public string Classify(ClassificationKey key) => Match(key)?.Theme ?? Theme.Unclassified.Code;

    /// <summary>The rule that decides a line's theme, or null when none matches (the line is unclassified).</summary>
    public ClassificationRule? Match(ClassificationKey key)
    {
        foreach (var matcher in _matchers)
        {
            if (matcher.IsMatch(key[matcher.Rule.Field]))
            {
                return matcher.Rule;
            }
        }

        return null;
    }

    /// <summary>The theme code for a transaction.</summary>
    public string Classify(Transaction line) => Classify(ClassificationKey.Of(line));

    /// <summary>A new set with <paramref name="rule"/> appended.</summary>
    public ClassificationRules With(ClassificationRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new ClassificationRules([.. Rules, rule]);
    }

    /// <summary>Parses a rule file.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="source">The file name, for error messages.</param>
    /// <exception cref="FormatException">A line is malformed; the message names the file, line and column.</exception>
    public static ClassificationRules Parse(string text, string source = "rules")
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<ClassificationRule>();
        var lines = text.Split('\n');
        var sawHeader = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var lineNumber = i + 1;
            if (line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line[1..];
            }

            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var cells = SplitCsvLine(line, source, lineNumber);
            if (!sawHeader)
            {
                sawHeader = true;
                if (string.Equals(string.Join(',', cells.Take(5)).Replace(" ", "", StringComparison.Ordinal), "field,match,pattern,theme,priority", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                throw new FormatException($"{source}, line {lineNumber}: the first line must be the header '{Header}'.");
            }

            if (cells.Count < 4)
            {
                throw new FormatException($"{source}, line {lineNumber}: a rule needs at least field, match, pattern and theme; found {cells.Count} cells.");
            }

            var field = ParseField(cells[0], source, lineNumber);
            var match = ParseMatch(cells[1], source, lineNumber);
            var priority = ClassificationRule.UserPriority;
            if (cells.Count > 4 && !string.IsNullOrWhiteSpace(cells[4]) &&
                !int.TryParse(cells[4].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out priority))
            {
                throw new FormatException($"{source}, line {lineNumber}, column priority: '{cells[4]}' is not a whole number.");
            }

            var rule = new ClassificationRule(field, match, cells[2].Trim(), cells[3].Trim(), priority, cells.Count > 5 ? cells[5].Trim() : "");
            try
            {
                _ = Matcher.Create(rule, 0);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"{source}, line {lineNumber}: {ex.Message}", ex);
            }

            rules.Add(rule);
        }

        return new ClassificationRules(rules);
    }

    /// <summary>Writes rules in the rule-file format that <see cref="Parse"/> reads.</summary>
    public static string Format(IEnumerable<ClassificationRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var rule in rules)
        {
            text.Append(FieldName(rule.Field)).Append(',')
                .Append(rule.Match.ToString().ToLowerInvariant()).Append(',')
                .Append(Quote(rule.Pattern)).Append(',')
                .Append(Quote(rule.Theme)).Append(',')
                .Append(rule.Priority.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Quote(rule.Note)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The rule-file name of a field, e.g. "expense_area".</summary>
    public static string FieldName(ClassificationField field) => field switch
    {
        ClassificationField.ServiceCode => "service_code",
        ClassificationField.ExpenseArea => "expense_area",
        ClassificationField.ExpenseType => "expense_type",
        ClassificationField.Description => "description",
        ClassificationField.Supplier => "supplier",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "unknown classification field"),
    };

    /// <summary>Parses a rule-file field name ("expense_area", "ExpenseArea" or "expense area").</summary>
    public static bool TryParseField(string text, out ClassificationField field)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = text.Trim().Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return Enum.TryParse(normal, ignoreCase: true, out field) && Enum.IsDefined(field);
    }

    private static ClassificationField ParseField(string text, string source, int line) =>
        TryParseField(text, out var field)
            ? field
            : throw new FormatException($"{source}, line {line}, column field: '{text}' is not one of service_code, expense_area, expense_type, description, supplier.");

    private static ClassificationMatch ParseMatch(string text, string source, int line) =>
        Enum.TryParse<ClassificationMatch>(text.Trim(), ignoreCase: true, out var match) && Enum.IsDefined(match)
            ? match
            : throw new FormatException($"{source}, line {line}, column match: '{text}' is not one of exact, prefix, contains, regex.");

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    private static List<string> SplitCsvLine(string line, string source, int lineNumber)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"{source}, line {lineNumber}: a quoted cell is not closed.");
        }

        cells.Add(cell.ToString());
        return cells;
    }

    private static ClassificationRules LoadDefault()
    {
        var assembly = typeof(ClassificationRules).Assembly;
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.EndsWith("default-rules.csv", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The default classification rules (Data/classification/default-rules.csv) are missing from TotalPlace.Core.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), "default-rules.csv");
    }

    private sealed class Matcher
    {
        private readonly Regex? _regex;

        private Matcher(ClassificationRule rule, int index, Regex? regex)
        {
            Rule = rule;
            Index = index;
            _regex = regex;
        }

        public ClassificationRule Rule { get; }

        public int Index { get; }

        public static Matcher Create(ClassificationRule rule, int index)
        {
            ArgumentNullException.ThrowIfNull(rule);
            if (string.IsNullOrWhiteSpace(rule.Pattern))
            {
                throw new ArgumentException("A classification rule needs a pattern; an empty one would match every line.", nameof(rule));
            }

            if (string.IsNullOrWhiteSpace(rule.Theme))
            {
                throw new ArgumentException($"The rule for '{rule.Pattern}' needs a theme code.", nameof(rule));
            }

            Regex? regex = null;
            if (rule.Match == ClassificationMatch.Regex)
            {
                try
                {
                    regex = new Regex(rule.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout);
                }
                catch (ArgumentException ex)
                {
                    throw new ArgumentException($"'{rule.Pattern}' is not a valid regular expression: {ex.Message}", nameof(rule), ex);
                }
            }

            return new Matcher(rule, index, regex);
        }

        public bool IsMatch(string? value)
        {
            if (value is null)
            {
                return false;
            }

            var text = value.AsSpan().Trim();
            var pattern = Rule.Pattern.AsSpan().Trim();
            return Rule.Match switch
            {
                ClassificationMatch.Exact => text.Equals(pattern, StringComparison.OrdinalIgnoreCase),
                ClassificationMatch.Prefix => text.StartsWith(pattern, StringComparison.OrdinalIgnoreCase),
                ClassificationMatch.Contains => text.Contains(pattern, StringComparison.OrdinalIgnoreCase),
                ClassificationMatch.Regex => _regex!.IsMatch(text),
                _ => false,
            };
        }
    }
}
