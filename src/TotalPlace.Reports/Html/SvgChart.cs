using System.Globalization;
using System.Text;

namespace TotalPlace.Reports.Html;

/// <summary>Draws a <see cref="ChartBlock"/> as a self-contained SVG (fixed colours that print in greyscale too).</summary>
internal static class SvgChart
{
    private static readonly string[] s_colours = ["#1f5f99", "#e07b00", "#2e8b57", "#8e3b8e", "#b22222", "#5f6b73"];
    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    public static string Render(ChartBlock chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.Kind == ChartKind.HorizontalBar ? Horizontal(chart) : Vertical(chart);
    }

    private static string Vertical(ChartBlock chart)
    {
        const double width = 640, left = 78, right = 12, top = 28, bottom = 44;
        var height = chart.Compact ? 170.0 : 260.0;
        var values = chart.Series.SelectMany(s => s.Values).Select(v => (double)v).Append(0).ToList();
        var (min, max) = NiceRange(values.Min(), values.Max());
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        double Y(double v) => top + plotH * (max - v) / (max - min);
        var svg = Open(chart, width, height);
        Legend(svg, chart, left);
        foreach (var tick in Ticks(min, max))
        {
            svg.Append(F($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{Y(tick):0.#}\" y2=\"{Y(tick):0.#}\" stroke=\"{(tick == 0 ? "#333" : "#ddd")}\" stroke-width=\"{(tick == 0 ? 1 : 0.6)}\"/>"));
            svg.Append(F($"<text x=\"{left - 6}\" y=\"{Y(tick) + 3.5:0.#}\" text-anchor=\"end\">{Short(tick)}</text>"));
        }

        var n = Math.Max(1, chart.Categories.Count);
        var slot = plotW / n;
        var labelEvery = Math.Max(1, (int)Math.Ceiling(n / 16.0));
        for (var i = 0; i < chart.Categories.Count; i++)
        {
            var x = left + slot * i;
            if (i % labelEvery == 0)
            {
                svg.Append(F($"<text x=\"{x + slot / 2:0.#}\" y=\"{height - bottom + 14}\" text-anchor=\"middle\">{E(chart.Categories[i])}</text>"));
            }
        }

        svg.Append(F($"<text x=\"{left + plotW / 2:0.#}\" y=\"{height - 6}\" text-anchor=\"middle\">{E(chart.CategoryLabel)}</text>"));
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var colour = s_colours[s % s_colours.Length];
            if (chart.Kind == ChartKind.Line)
            {
                var points = string.Join(' ', series.Values.Select((v, i) => F($"{left + slot * i + slot / 2:0.#},{Y((double)v):0.#}")));
                svg.Append(F($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points}\"/>"));
                for (var i = 0; i < series.Values.Count; i++)
                {
                    svg.Append(F($"<circle cx=\"{left + slot * i + slot / 2:0.#}\" cy=\"{Y((double)series.Values[i]):0.#}\" r=\"2.5\" fill=\"{colour}\"><title>{E(chart.Categories[i])}: {E(Formats.Money(Core.Money.FromPounds(series.Values[i])))}</title></circle>"));
                }

                continue;
            }

            var barW = slot * 0.8 / chart.Series.Count;
            for (var i = 0; i < series.Values.Count; i++)
            {
                var v = (double)series.Values[i];
                var x = left + slot * i + slot * 0.1 + barW * s;
                var y = Math.Min(Y(v), Y(0));
                var h = Math.Abs(Y(v) - Y(0));
                svg.Append(F($"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{barW:0.##}\" height=\"{h:0.##}\" fill=\"{colour}\"><title>{E(series.Name)}, {E(chart.Categories[i])}: {E(Formats.Money(Core.Money.FromPounds(series.Values[i])))}</title></rect>"));
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Horizontal(ChartBlock chart)
    {
        const double width = 640, left = 210, right = 90, top = 10;
        var rowH = chart.Compact ? 15.0 : 20.0;
        var series = chart.Series[0];
        var height = top + rowH * chart.Categories.Count + 10;
        var values = series.Values.Select(v => (double)v).Append(0).ToList();
        var (min, max) = (Math.Min(0, values.Min()), Math.Max(values.Max(), 1));
        var plotW = width - left - right;
        double X(double v) => left + plotW * (v - min) / (max - min);
        var svg = Open(chart, width, height);
        for (var i = 0; i < chart.Categories.Count; i++)
        {
            var v = (double)series.Values[i];
            var y = top + rowH * i;
            var money = Formats.Money(Core.Money.FromPounds(series.Values[i]));
            svg.Append(F($"<text x=\"{left - 6}\" y=\"{y + rowH - 7:0.#}\" text-anchor=\"end\">{E(Truncate(chart.Categories[i], 34))}</text>"));
            svg.Append(F($"<rect x=\"{Math.Min(X(v), X(0)):0.##}\" y=\"{y + 2.5:0.#}\" width=\"{Math.Abs(X(v) - X(0)):0.##}\" height=\"{rowH - 5:0.#}\" fill=\"{s_colours[0]}\"><title>{E(chart.Categories[i])}: {E(money)}</title></rect>"));
            svg.Append(F($"<text x=\"{Math.Max(X(v), X(0)) + 4:0.#}\" y=\"{y + rowH - 7:0.#}\">{E(Short(v))}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(ChartBlock chart, double width, double height) => new StringBuilder()
        .Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height:0}\" width=\"100%\" role=\"img\" aria-label=\"{E(chart.Title)}\" font-family=\"Arial, sans-serif\" font-size=\"10\">"))
        .Append("<title>").Append(E(chart.Title)).Append("</title>");

    private static void Legend(StringBuilder svg, ChartBlock chart, double left)
    {
        var x = left;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            svg.Append(F($"<rect x=\"{x:0.#}\" y=\"6\" width=\"10\" height=\"10\" fill=\"{s_colours[s % s_colours.Length]}\"/>"));
            svg.Append(F($"<text x=\"{x + 14:0.#}\" y=\"15\">{E(chart.Series[s].Name)}</text>"));
            x += 24 + chart.Series[s].Name.Length * 5.6;
        }
    }

    private static (double Min, double Max) NiceRange(double min, double max)
    {
        if (max - min < 1e-9)
        {
            max = min + 1;
        }

        var step = NiceStep((max - min) / 5);
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step);
    }

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    private static IEnumerable<double> Ticks(double min, double max)
    {
        var step = NiceStep((max - min) / 5);
        for (var v = min; v <= max + step / 2; v += step)
        {
            yield return Math.Abs(v) < step / 1e6 ? 0 : v;
        }
    }

    /// <summary>Axis labels only: £1.2m, £350k. Exact figures are in the tables beside every chart.</summary>
    private static string Short(double pounds)
    {
        var abs = Math.Abs(pounds);
        var sign = pounds < 0 ? "−" : "";
        return abs >= 1e9 ? F($"{sign}£{abs / 1e9:0.##}bn")
            : abs >= 1e6 ? F($"{sign}£{abs / 1e6:0.##}m")
            : abs >= 1e3 ? F($"{sign}£{abs / 1e3:0.#}k")
            : F($"{sign}£{abs:0}");
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string F(FormattableString text) => text.ToString(s_inv);

    private static string E(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
