namespace TotalPlace.Core.Appraisal;

/// <summary>The prices an appraisal is expressed in: a financial year together with the deflator series used.</summary>
/// <remarks>Two price bases with the same year but different series are different: never mix series.</remarks>
/// <param name="Year">The financial year whose prices are used.</param>
/// <param name="SeriesId">The <see cref="Deflator.SeriesId"/> of the series that uprates into this base.</param>
public readonly record struct PriceBase(FiscalYear Year, string SeriesId)
{
    /// <summary>Formats as "2015-16 prices".</summary>
    public override string ToString() => $"{Year} prices";
}
