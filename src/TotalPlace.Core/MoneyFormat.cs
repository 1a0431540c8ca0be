using System.Globalization;

namespace TotalPlace.Core;

/// <summary>The one way TotalPlace writes money for people: en-GB pounds, rounded half to even (as
/// <see cref="Money.RoundedToPenny"/> does) before formatting, whatever the machine's culture.</summary>
/// <remarks>.NET's "C2"/"N2" formats round a decimal midpoint away from zero, so £0.125 would read "£0.13" in one
/// place and "£0.12" in another; every host, export and report goes through these methods instead. Machine-readable
/// outputs (JSON numbers, CSV "raw" columns) keep the exact value and are not formatted here.</remarks>
public static class MoneyFormat
{
    private static readonly CultureInfo s_enGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>To the penny with the pound sign: "£1,234.56", "-£12.00".</summary>
    public static string Pounds(decimal pounds) => ToPenny(pounds).ToString("C2", s_enGb);

    /// <summary>To the penny without the pound sign, for columns headed in pounds: "1,234.56", "-12.00".</summary>
    public static string Amount(decimal pounds) => ToPenny(pounds).ToString("N2", s_enGb);

    /// <summary>To the whole pound with the pound sign: "£22,104,560,001".</summary>
    public static string WholePounds(decimal pounds) => NoNegativeZero(Math.Round(pounds, 0, MidpointRounding.ToEven)).ToString("C0", s_enGb);

    /// <summary>Whole pounds from £1,000 up and pence below, for sentences: "£12,346", "£612.50".</summary>
    public static string Sentence(decimal pounds) => Math.Abs(pounds) >= 1000m ? WholePounds(pounds) : Pounds(pounds);

    // -0.001 rounds to a negative zero decimal, which would print "-£0.00".
    private static decimal ToPenny(decimal pounds) => NoNegativeZero(Math.Round(pounds, 2, MidpointRounding.ToEven));

    private static decimal NoNegativeZero(decimal value) => value == 0m ? 0m : value;
}
