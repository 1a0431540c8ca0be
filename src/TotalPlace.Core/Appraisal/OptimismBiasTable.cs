using System.Globalization;

namespace TotalPlace.Core.Appraisal;

/// <summary>
/// Maps a confidence grade to the optimism-bias rate that reduces predicted benefits, loaded as data with its citation.
/// </summary>
/// <remarks>The shipped table follows the Greater Manchester framework (0%–40% by quality, source and age of
/// data, grades 1–6) and maps the UCD's G/A/R ratings onto grades 3/4/5 (TotalPlace convention).</remarks>
public sealed class OptimismBiasTable
{
    private static readonly Lazy<OptimismBiasTable> s_default = new(() => Parse(
        EmbeddedData.ReadText("optimism-bias-grades.csv"),
        "HM Treasury / PSTN / New Economy, Supporting public service transformation: cost benefit analysis guidance for local partnerships (2014), confidence grades 1-6; G/A/R mapping is a TotalPlace convention"));

    private readonly Dictionary<string, (decimal Rate, string Meaning)> _grades;

    private OptimismBiasTable(Dictionary<string, (decimal, string)> grades, string citation)
    {
        _grades = grades;
        Citation = citation;
    }

    /// <summary>The shipped table.</summary>
    public static OptimismBiasTable Default => s_default.Value;

    /// <summary>Where the rates come from.</summary>
    public string Citation { get; }

    /// <summary>The grades known, in table order.</summary>
    public IEnumerable<string> Grades => _grades.Keys;

    /// <summary>Parses a CSV with columns grade, optimism_bias, meaning.</summary>
    /// <exception cref="FormatException">A rate is not a number between 0 and 1.</exception>
    public static OptimismBiasTable Parse(string csv, string citation)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(citation);
        var grades = new Dictionary<string, (decimal, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in Csv.Read(csv).Skip(1).Where(r => r.Count >= 2 && r[0].Length > 0))
        {
            if (!decimal.TryParse(row[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate < 0m || rate > 1m)
            {
                throw new FormatException($"optimism bias for grade {row[0]} is '{row[1]}'; it must be a number between 0 and 1");
            }

            grades[row[0].Trim()] = (rate, row.Count > 2 ? row[2] : "");
        }

        return new OptimismBiasTable(grades, citation);
    }

    /// <summary>The rate for <paramref name="grade"/>, or null when the table has no such grade.</summary>
    public decimal? RateFor(string grade)
    {
        ArgumentNullException.ThrowIfNull(grade);
        return _grades.TryGetValue(grade.Trim(), out var entry) ? entry.Rate : null;
    }

    /// <summary>What a grade means.</summary>
    public string MeaningOf(string grade) => _grades.TryGetValue(grade, out var entry) ? entry.Meaning : "";
}
