using System.Globalization;
using TotalPlace.Core;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;
using TotalPlace.Reports.Html;

namespace TotalPlace.Reports.Appraisal;

/// <summary>The appraisal summary a board reads: the business case, who pays and who benefits, costs and benefits by
/// year, the cumulative cash flow with payback, the tornado and (when run) the Monte Carlo bands, with charts.</summary>
public static class AppraisalDocument
{
    private static readonly CultureInfo s_enGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Builds the summary document of <paramref name="result"/>.</summary>
    /// <param name="result">The appraisal.</param>
    /// <param name="date">The date written on the document.</param>
    /// <param name="tornado">Tornado bars (widest first), if computed.</param>
    /// <param name="monteCarlo">Monte Carlo bands, if run.</param>
    public static Document Create(AppraisalResult result, DateOnly date, IReadOnlyList<TornadoBar>? tornado = null, MonteCarloResult? monteCarlo = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var p = result.Proposal;
        var years = result.Years.Select(y => y.FiscalYear.ToString()).ToList();
        var blocks = new List<DocumentBlock>
        {
            new HeadingBlock(2, "Business case summary"),
            new TableBlock("Present values", ["Measure", "Present value"],
            [
                ["Costs", M(result.PvCosts)],
                ["Fiscal benefits", M(result.PvFiscal)],
                ["of which cashable", M(result.PvFiscalCashable)],
                ["of which transfers", M(result.PvFiscalTransfers)],
                ["Economic benefits", M(result.PvEconomic)],
                ["Social benefits", M(result.PvSocial)],
                ["Public value (excluding transfers)", M(result.PvPublicValue)],
                ["Fiscal NPV", M(result.NpvFiscal)],
                ["Public value NPV", M(result.NpvPublicValue)],
                ["Fiscal ROI (£ per £1 of cost)", Ratio(result.RoiFiscal)],
                ["Public value ROI (£ per £1 of cost)", Ratio(result.RoiPublicValue)],
                ["Payback", result.PaybackYearIndex is { } t ? $"year {t} ({result.PaybackFiscalYear})" : "none"],
                ["Fiscal IRR", result.IrrFiscal is { } irr ? irr.ToString("P1", s_enGb) : "n/a"],
            ], new HashSet<int> { 1 }),
            new ChartBlock("Cumulative discounted fiscal net (payback where it crosses zero)", ChartKind.Line, "Financial year", years,
                [new ChartSeries("Cumulative discounted fiscal net", result.Years.Select(y => y.CumulativeDiscountedFiscalNet).ToList())]),
            new ChartBlock("Costs and benefits by year (undiscounted)", ChartKind.Bar, "Financial year", years,
            [
                new ChartSeries("Costs", result.Years.Select(y => y.Costs).ToList()),
                new ChartSeries("Fiscal", result.Years.Select(y => y.Fiscal).ToList()),
                new ChartSeries("Economic", result.Years.Select(y => y.Economic).ToList()),
                new ChartSeries("Social", result.Years.Select(y => y.Social).ToList()),
            ]),
            new HeadingBlock(2, "Who pays, who benefits"),
            new TableBlock("Present values by agency", ["Agency", "Pays", "Benefits", "Cashable", "Net"],
                result.ByAgency.Select(a => (IReadOnlyList<string>)[a.Agency, M(a.PvCosts), M(a.PvFiscalBenefits), M(a.PvFiscalCashable), M(a.NetFiscal)]).ToList(),
                new HashSet<int> { 1, 2, 3, 4 },
                ["Total", M(result.ByAgency.Sum(a => a.PvCosts)), M(result.ByAgency.Sum(a => a.PvFiscalBenefits)), M(result.ByAgency.Sum(a => a.PvFiscalCashable)), M(result.ByAgency.Sum(a => a.NetFiscal))]),
            new ChartBlock("Net fiscal present value by agency", ChartKind.HorizontalBar, "Agency", result.ByAgency.Select(a => a.Agency).ToList(),
                [new ChartSeries("Net", result.ByAgency.Select(a => a.NetFiscal).ToList())]),
            new HeadingBlock(2, "Outcomes"),
            new TableBlock("Outcomes and their assumptions", ["Outcome", "Success", "Deadweight", "Attribution", "Displacement", "Lag", "Duration", "Drop-off"],
                p.Outcomes.Select(o => (IReadOnlyList<string>)[o.Name, Pc(o.Success), Pc(o.Deadweight), Pc(o.Attribution), Pc(o.Displacement), $"{o.LagYears} y", $"{o.DurationYears} y", Pc(o.DropOff)]).ToList(),
                new HashSet<int> { 1, 2, 3, 4, 5, 6, 7 }),
            new TableBlock("Costs and benefits by year", ["Year", "Costs", "Fiscal", "Economic", "Social", "Discount factor", "Cumulative discounted fiscal net"],
                result.Years.Select(y => (IReadOnlyList<string>)[y.FiscalYear.ToString(), M(y.Costs), M(y.Fiscal), M(y.Economic), M(y.Social),
                    y.DiscountFactor.ToString("0.0000", CultureInfo.InvariantCulture), M(y.CumulativeDiscountedFiscalNet)]).ToList(),
                new HashSet<int> { 1, 2, 3, 4, 5, 6 }),
        };
        if (tornado is { Count: > 0 })
        {
            var bars = tornado.Take(8).ToList();
            blocks.Add(new HeadingBlock(2, "What the case is most sensitive to"));
            blocks.Add(new TableBlock("Tornado: fiscal NPV with each input at its low and high", ["Input", "Low → high", "NPV at low", "NPV at high", "Swing"],
                bars.Select(b => (IReadOnlyList<string>)[b.Path, $"{N(b.Low)} → {N(b.High)}", M(b.NpvFiscalAtLow), M(b.NpvFiscalAtHigh), M(b.Swing)]).ToList(),
                new HashSet<int> { 2, 3, 4 }));
            blocks.Add(new ChartBlock("Tornado: swing in fiscal NPV by input", ChartKind.HorizontalBar, "Input", bars.Select(b => b.Path).ToList(),
                [new ChartSeries("Swing", bars.Select(b => b.Swing).ToList())]));
        }

        if (monteCarlo is not null)
        {
            blocks.Add(new HeadingBlock(2, "How sure are we"));
            blocks.Add(new TableBlock($"Monte Carlo: {monteCarlo.Iterations.ToString("N0", s_enGb)} runs, seed {monteCarlo.Seed}", ["Output", "P10", "P50", "P90"],
            [
                ["Fiscal NPV", D(monteCarlo.NpvFiscal.P10), D(monteCarlo.NpvFiscal.P50), D(monteCarlo.NpvFiscal.P90)],
                ["Public value NPV", D(monteCarlo.NpvPublicValue.P10), D(monteCarlo.NpvPublicValue.P50), D(monteCarlo.NpvPublicValue.P90)],
            ], new HashSet<int> { 1, 2, 3 }));
            blocks.Add(new ParagraphBlock($"Chance fiscal NPV > 0: {monteCarlo.ProbabilityNpvFiscalPositive.ToString("P1", s_enGb)}; public value NPV > 0: {monteCarlo.ProbabilityNpvPublicValuePositive.ToString("P1", s_enGb)}."));
        }

        blocks.Add(new HeadingBlock(2, "Method and conventions"));
        blocks.Add(new ListBlock(result.Conventions));
        return new Document($"Appraisal: {p.Name}", $"{p.HorizonYears} years from {p.StartYear}; {result.PriceBase}; {result.Schedule.Name}", "1.0", date, blocks);
    }

    private static string M(decimal value) => Money.FromPounds(value).ToString();

    private static string D(double value) => double.IsFinite(value) ? Money.FromPounds((decimal)value).ToString() : "n/a";

    private static string Ratio(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Pc(decimal value) => Formats.Percent(value);

    private static string N(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);
}
