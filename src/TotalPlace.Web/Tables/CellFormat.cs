using System.Globalization;
using TotalPlace.Core;

namespace TotalPlace.Web.Tables;

/// <summary>Formats values the way UK finance readers expect (en-GB, £, pence).</summary>
public static class CellFormat
{
    private static readonly CultureInfo s_enGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Display(object? value, CellKind kind) => value switch
    {
        null => "",
        decimal d when kind == CellKind.Money => Money.FromPounds(d).ToString(),
        decimal d when kind == CellKind.WholePounds => Pounds(d),
        decimal d when kind == CellKind.Percent => d.ToString("P1", s_enGb),
        decimal d => MoneyFormat.Amount(d),
        long l => l.ToString("N0", s_enGb),
        int i => i.ToString("N0", s_enGb),
        DateOnly date => date.ToString("d MMM yyyy", s_enGb),
        DateTimeOffset time => time.ToString("d MMM yyyy HH:mm", s_enGb),
        IFormattable f => f.ToString(null, s_enGb),
        _ => value.ToString() ?? "",
    };

    /// <summary>Whole pounds, e.g. "£22,104,560,001".</summary>
    public static string Pounds(decimal value) => MoneyFormat.WholePounds(value);

    /// <summary>The short form for headlines: "£22.1bn", "£640.2m", "£12.5k".</summary>
    public static string Short(decimal value)
    {
        var abs = Math.Abs(value);
        var (scaled, suffix) = abs switch
        {
            >= 1_000_000_000m => (value / 1_000_000_000m, "bn"),
            >= 1_000_000m => (value / 1_000_000m, "m"),
            >= 10_000m => (value / 1_000m, "k"),
            _ => (value, ""),
        };
        return suffix.Length == 0 ? Money.FromPounds(value).ToString() : scaled.ToString("C1", s_enGb) + suffix;
    }

    /// <summary>Per-head figures to the penny.</summary>
    public static string PerHead(decimal? value) => value is { } v ? Money.FromPounds(v).ToString() : "population unknown";

    public static string Invariant(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
