namespace TotalPlace.Core.Appraisal.Uncertainty;

/// <summary>One bar of a tornado chart: an input at its low and high values, the others at base.</summary>
/// <param name="Path">The input.</param>
/// <param name="Base">Its base value.</param>
/// <param name="Low">Its low value.</param>
/// <param name="High">Its high value.</param>
/// <param name="NpvFiscalAtLow">Fiscal NPV with the input at <paramref name="Low"/>.</param>
/// <param name="NpvFiscalAtHigh">Fiscal NPV with the input at <paramref name="High"/>.</param>
/// <param name="NpvPublicValueAtLow">Public-value NPV at <paramref name="Low"/>.</param>
/// <param name="NpvPublicValueAtHigh">Public-value NPV at <paramref name="High"/>.</param>
public sealed record TornadoBar(string Path, decimal Base, decimal Low, decimal High, decimal NpvFiscalAtLow,
    decimal NpvFiscalAtHigh, decimal NpvPublicValueAtLow, decimal NpvPublicValueAtHigh)
{
    /// <summary>The width of the fiscal bar, |NPV(high) − NPV(low)|.</summary>
    public decimal Swing => Math.Abs(NpvFiscalAtHigh - NpvFiscalAtLow);
}
