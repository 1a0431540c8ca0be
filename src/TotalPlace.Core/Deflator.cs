using System.Collections.Frozen;
using System.Globalization;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Core;

/// <summary>
/// A named financial-year price index (for example the HM Treasury GDP deflator) used to restate amounts from one
/// year's prices in another's: <c>v_b = v_p × I(b) / I(p)</c>.
/// </summary>
/// <remarks>
/// <para>Every series has an identity (<see cref="SeriesId"/>). A <see cref="PriceBase"/> carries the identity of
/// the series it was built with, and converting into a price base of another series throws, because mixing
/// deflator vintages silently shifts real-terms figures by the revisions between releases.</para>
/// <para>Arithmetic is in <see cref="decimal"/>; the multiplication happens before the division so that the
/// Unit Cost Database's own uprated values are reproduced to the penny.</para>
/// </remarks>
public sealed class Deflator
{
    /// <summary>The identity of the series shipped with the Unit Cost Database v1.4.</summary>
    public const string UcdV14SeriesId = "HMT GDP deflator, March 2015 Budget (UCD v1.4 Lookups; 1989-90 = 100)";

    private static readonly Lazy<Deflator> s_ucdV14 = new(LoadUcdV14);
    private readonly FrozenDictionary<FiscalYear, decimal> _index;

    private Deflator(string seriesId, string citation, FrozenDictionary<FiscalYear, decimal> index, FrozenSet<FiscalYear> forecast)
    {
        SeriesId = seriesId;
        Citation = citation;
        _index = index;
        ForecastYears = forecast;
    }

    /// <summary>The series' identity, kept with every price base built from it.</summary>
    public string SeriesId { get; }

    /// <summary>Where the series comes from.</summary>
    public string Citation { get; }

    /// <summary>The years the series marks as forecast rather than outturn.</summary>
    public IReadOnlySet<FiscalYear> ForecastYears { get; }

    /// <summary>The years covered, earliest first.</summary>
    public IEnumerable<FiscalYear> Years => _index.Keys.Order();

    /// <summary>The GDP deflator series of the Unit Cost Database v1.4 (March 2015 Budget, 1989/90 = 100).</summary>
    public static Deflator UcdV14 => s_ucdV14.Value;

    /// <summary>Creates a series from index values by financial year.</summary>
    /// <exception cref="ArgumentException">The identity is blank, the series is empty, or an index is not positive.</exception>
    public static Deflator Create(string seriesId, string citation, IEnumerable<KeyValuePair<FiscalYear, decimal>> index,
        IEnumerable<FiscalYear>? forecastYears = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seriesId);
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(index);
        var frozen = index.ToFrozenDictionary();
        if (frozen.Count == 0)
        {
            throw new ArgumentException("a deflator series needs at least one year", nameof(index));
        }

        foreach (var (year, value) in frozen)
        {
            if (value <= 0m)
            {
                throw new ArgumentException($"index for {year} is {value}; an index must be positive", nameof(index));
            }
        }

        return new Deflator(seriesId, citation, frozen, (forecastYears ?? []).ToFrozenSet());
    }

    /// <summary>The price base <paramref name="year"/> in this series.</summary>
    public PriceBase PriceBase(FiscalYear year)
    {
        RequireYear(year);
        return new PriceBase(year, SeriesId);
    }

    /// <summary>True when the series has an index for <paramref name="year"/>.</summary>
    public bool Covers(FiscalYear year) => _index.ContainsKey(year);

    /// <summary>The index value for <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The series does not cover the year.</exception>
    public decimal Index(FiscalYear year)
    {
        RequireYear(year);
        return _index[year];
    }

    /// <summary>Restates <paramref name="amount"/> at <paramref name="from"/> prices in <paramref name="to"/> prices.</summary>
    public decimal Uprate(decimal amount, FiscalYear from, FiscalYear to) =>
        from == to ? amount : amount * Index(to) / Index(from);

    private void RequireYear(FiscalYear year)
    {
        if (!_index.ContainsKey(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year,
                $"the deflator series '{SeriesId}' has no index for {year}; it covers {Years.First()} to {Years.Last()}");
        }
    }

    private static Deflator LoadUcdV14()
    {
        var rows = Csv.Read(EmbeddedData.ReadText("ucd-v1.4-gdp-index.csv"));
        var index = new List<KeyValuePair<FiscalYear, decimal>>();
        var forecast = new List<FiscalYear>();
        foreach (var row in rows.Skip(1))
        {
            var year = FiscalYear.Parse(row[0]);
            index.Add(new(year, decimal.Parse(row[2], NumberStyles.Float, CultureInfo.InvariantCulture)));
            if (row.Count > 3 && row[3] == "f")
            {
                forecast.Add(year);
            }
        }

        return Create(UcdV14SeriesId,
            "New Economy (Greater Manchester) / GMCA Research, Unit Cost Database v1.4, Lookups sheet: HM Treasury GDP deflator, March 2015 Budget",
            index, forecast);
    }
}
