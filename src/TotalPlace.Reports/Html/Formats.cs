using System.Globalization;
using TotalPlace.Core;

namespace TotalPlace.Reports.Html;

/// <summary>How figures are written in documents: en-GB, money to the penny, dates as "1 April 2027".</summary>
public static class Formats
{
    private static readonly CultureInfo s_enGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"1 April 2027".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", s_enGb);

    /// <summary>"£1,234.56".</summary>
    public static string Money(Money money) => money.ToString();

    /// <summary>A number as written in the source, with thousands separators ("4,500", "6.8").</summary>
    public static string Number(decimal value) => value.ToString("#,0.############", s_enGb);

    /// <summary>A fraction as a percentage ("30%", "12.5%").</summary>
    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", s_enGb) + "%";
}
