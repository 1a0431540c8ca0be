using System.Globalization;

namespace TotalPlace.Core.Appraisal;

/// <summary>
/// A set of unit costs looked up by code and searched by description, agency and theme: by default the New Economy
/// Unit Cost Database v1.4 shipped with TotalPlace, plus any local figures a user adds.
/// </summary>
/// <remarks>Codes are matched case-insensitively. Local entries shadow shipped ones with the same code.</remarks>
public sealed class UnitCostDatabase
{
    /// <summary>The edition label of the shipped database.</summary>
    public const string UcdV14Edition = "UCD v1.4";

    /// <summary>The attribution the CC BY 4.0 licence requires wherever UCD figures are shown.</summary>
    public const string UcdV14Attribution =
        "New Economy (Greater Manchester) / GMCA Research, Unit Cost Database v1.4 (March 2015), CC BY 4.0";

    private static readonly Lazy<UnitCostDatabase> s_ucdV14 = new(LoadUcdV14);
    private readonly Dictionary<string, UnitCost> _byCode;
    private readonly List<UnitCost> _entries;

    private UnitCostDatabase(IEnumerable<UnitCost> entries, Deflator deflator)
    {
        _entries = [];
        _byCode = new Dictionary<string, UnitCost>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (_byCode.TryGetValue(entry.Code, out var existing))
            {
                _entries.Remove(existing);
            }

            _byCode[entry.Code] = entry;
            _entries.Add(entry);
        }

        Deflator = deflator;
    }

    /// <summary>The Unit Cost Database v1.4 as shipped (683 entries), with its GDP deflator series.</summary>
    public static UnitCostDatabase UcdV14 => s_ucdV14.Value;

    /// <summary>All entries, in database order.</summary>
    public IReadOnlyList<UnitCost> Entries => _entries;

    /// <summary>The deflator series that uprates this database's values.</summary>
    public Deflator Deflator { get; }

    /// <summary>A database of the given entries (later entries with the same code replace earlier ones).</summary>
    public static UnitCostDatabase Create(IEnumerable<UnitCost> entries, Deflator deflator)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(deflator);
        return new UnitCostDatabase(entries, deflator);
    }

    /// <summary>This database with local entries added (they replace shipped entries of the same code).</summary>
    public UnitCostDatabase WithLocal(IEnumerable<UnitCost> local)
    {
        ArgumentNullException.ThrowIfNull(local);
        return new UnitCostDatabase(_entries.Concat(local), Deflator);
    }

    /// <summary>The entry with <paramref name="code"/>, or null.</summary>
    public UnitCost? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _byCode.GetValueOrDefault(code.Trim());
    }

    /// <summary>The entry with <paramref name="code"/>.</summary>
    /// <exception cref="KeyNotFoundException">No entry has that code.</exception>
    public UnitCost Get(string code) =>
        Find(code) ?? throw new KeyNotFoundException($"unit cost '{code}' is not in the database");

    /// <summary>
    /// Entries whose code, description, agency, theme or category contain every word of <paramref name="text"/>
    /// (case-insensitive), best first: code matches, then description matches.
    /// </summary>
    public IReadOnlyList<UnitCost> Search(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return [];
        }

        return _entries
            .Select(e => (Entry: e, Score: Score(e, words)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .Select(x => x.Entry)
            .ToList();
    }

    private static int Score(UnitCost entry, string[] words)
    {
        var score = 0;
        foreach (var word in words)
        {
            var inCode = entry.Code.Contains(word, StringComparison.OrdinalIgnoreCase);
            var inDescription = entry.Description.Contains(word, StringComparison.OrdinalIgnoreCase);
            var elsewhere = entry.Agency.Contains(word, StringComparison.OrdinalIgnoreCase) ||
                            entry.AgencyDetail.Contains(word, StringComparison.OrdinalIgnoreCase) ||
                            entry.Theme.Contains(word, StringComparison.OrdinalIgnoreCase) ||
                            entry.Category.Contains(word, StringComparison.OrdinalIgnoreCase);
            if (!inCode && !inDescription && !elsewhere)
            {
                return 0;
            }

            score += inCode ? 4 : inDescription ? 2 : 1;
        }

        return score;
    }

    private static UnitCostDatabase LoadUcdV14()
    {
        var rows = Csv.Read(EmbeddedData.ReadText("ucd-v1.4-entries.csv"));
        var header = rows[0];
        int Col(string name) => header.IndexOf(name) is var i and >= 0
            ? i
            : throw new InvalidOperationException($"UCD CSV has no column {name}");
        var (sheet, category, detail, code, description, unit) =
            (Col("sheet"), Col("outcome_category"), Col("outcome_detail"), Col("cost_code"), Col("description"), Col("unit"));
        var (agency1, agency2, source, rag, comment) =
            (Col("agency_level1"), Col("agency_level2"), Col("original_source"), Col("rag"), Col("comment"));
        UnitCostValue? Value(List<string> row, string prefix)
        {
            var amount = row[Col(prefix + "_value")];
            var year = row[Col(prefix + "_price_year")];
            if (amount.Length == 0 || !FiscalYear.TryParse(year, out var priceYear))
            {
                return null;
            }

            var uprated = row[Col(prefix + "_value_2015_16")];
            return new UnitCostValue(
                decimal.Parse(amount, NumberStyles.Float, CultureInfo.InvariantCulture),
                priceYear,
                uprated.Length == 0 ? null : decimal.Parse(uprated, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        var entries = rows.Skip(1).Where(r => r.Count == header.Count).Select(r => new UnitCost
        {
            Code = r[code].Trim(),
            Description = r[description].Trim(),
            Edition = UcdV14Edition,
            Source = r[source].Trim(),
            Unit = r[unit].Trim(),
            Theme = r[sheet].Trim(),
            Category = $"{r[category].Trim()} / {r[detail].Trim()}",
            Agency = r[agency1].Trim(),
            AgencyDetail = r[agency2].Trim(),
            Fiscal = Value(r, "fiscal"),
            Economic = Value(r, "economic"),
            Social = Value(r, "social"),
            Confidence = r[rag].Trim(),
            Comment = r[comment].Trim(),
        });
        return new UnitCostDatabase(entries, Deflator.UcdV14);
    }
}
