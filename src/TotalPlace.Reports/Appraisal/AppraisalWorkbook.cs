using MiniExcelLibs;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Reports.Appraisal;

/// <summary>
/// Writes an appraisal as an .xlsx workbook laid out like the New Economy CBA model finance officers know:
/// Summary, Inputs, Calculations by year, By agency, Trace (every figure with its unit cost, source and rule).
/// </summary>
/// <remarks>Figures are written unrounded (full decimal precision) so they can be re-added in Excel; MiniExcel's
/// SaveAs writes values, not formulas, so the Trace sheet carries each figure's rule in words instead.</remarks>
public static class AppraisalWorkbook
{
    /// <summary>Writes <paramref name="result"/> (and optional Monte Carlo bands) to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, AppraisalResult result, MonteCarloResult? monteCarlo = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        var p = result.Proposal;
        var summary = new List<Dictionary<string, object?>>();
        void Line(string measure, object? value, string note = "") =>
            summary.Add(new() { ["Measure"] = measure, ["Value"] = value, ["Note"] = note });
        Line("Proposal", p.Name);
        Line("Price base", result.PriceBase.ToString(), result.PriceBase.SeriesId);
        Line("Discount schedule", result.Schedule.Name, result.Schedule.Citation);
        Line("PV costs", result.PvCosts, "£");
        Line("PV fiscal benefits", result.PvFiscal, "£, transfers included");
        Line("PV fiscal benefits, cashable", result.PvFiscalCashable, "£");
        Line("PV fiscal transfers", result.PvFiscalTransfers, "£, excluded from public value");
        Line("PV economic benefits", result.PvEconomic, "£");
        Line("PV social benefits", result.PvSocial, "£");
        Line("PV public value", result.PvPublicValue, "£");
        Line("Fiscal NPV", result.NpvFiscal, "£");
        Line("Public value NPV", result.NpvPublicValue, "£");
        Line("Fiscal ROI", result.RoiFiscal, "£ per £1 of cost");
        Line("Public value ROI", result.RoiPublicValue, "£ per £1 of cost");
        Line("Payback year index", result.PaybackYearIndex, result.PaybackFiscalYear?.ToString() ?? "none");
        Line("Fiscal IRR", result.IrrFiscal, "undiscounted fiscal net flows");
        if (monteCarlo is not null)
        {
            Line("Monte Carlo iterations", monteCarlo.Iterations, $"seed {monteCarlo.Seed}");
            Line("Fiscal NPV P10 / P50 / P90", $"{monteCarlo.NpvFiscal.P10:F2} / {monteCarlo.NpvFiscal.P50:F2} / {monteCarlo.NpvFiscal.P90:F2}", "£");
            Line("P(fiscal NPV > 0)", monteCarlo.ProbabilityNpvFiscalPositive);
        }

        foreach (var convention in result.Conventions)
        {
            Line("Convention", convention);
        }

        var inputs = new List<Dictionary<string, object?>>
        {
            Input("name", p.Name), Input("price_base", p.PriceBase.ToString()), Input("start_year", p.StartYear.ToString()),
            Input("horizon_years", p.HorizonYears), Input("discount", p.Discount.ToString().ToLowerInvariant()), Input("engagement", p.Engagement),
        };
        inputs.AddRange(p.Cohorts.Select((c, i) => Input($"cohorts[{i}]", $"year {c.Year}: {c.Referrals} referrals")));
        inputs.AddRange(p.Costs.Select((c, i) => Input($"costs[{i}]", $"{c.Agency}, {c.Kind}, £{c.Amount} per {c.Per}, year {c.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "each cohort"}, price year {c.PriceYear?.ToString() ?? p.PriceBase.ToString()}, optimism bias {c.OptimismBias}")));
        for (var i = 0; i < p.Outcomes.Count; i++)
        {
            var o = p.Outcomes[i];
            inputs.Add(Input($"outcomes[{i}]", $"{o.Name}: success {o.Success}, deadweight {o.Deadweight}, attribution {o.Attribution}, displacement {o.Displacement}, lag {o.LagYears}, duration {o.DurationYears}, drop-off {o.DropOff}"));
            inputs.AddRange(o.Values.Select((v, j) => Input($"outcomes[{i}].values[{j}]",
                $"{v.UnitCost ?? $"£{v.Amount} ({v.PriceYear}) {v.Source}"}, {v.Type}, {v.Agency}, transfer {v.Transfer}, cashable {v.Cashable}, optimism bias {v.OptimismBias?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? v.Confidence ?? "0"}")));
        }

        var years = result.Years.Select(y => new Dictionary<string, object?>
        {
            ["t"] = y.T,
            ["Financial year"] = y.FiscalYear.ToString(),
            ["Costs"] = y.Costs,
            ["Fiscal"] = y.Fiscal,
            ["Fiscal cashable"] = y.FiscalCashable,
            ["Fiscal transfers"] = y.FiscalTransfers,
            ["Economic"] = y.Economic,
            ["Social"] = y.Social,
            ["Public value"] = y.PublicValue,
            ["Discount factor"] = y.DiscountFactor,
            ["Discounted fiscal net"] = y.DiscountedFiscalNet,
            ["Cumulative discounted fiscal net"] = y.CumulativeDiscountedFiscalNet,
        }).ToList();
        var agencies = result.ByAgency.Select(a => new Dictionary<string, object?>
        {
            ["Agency"] = a.Agency,
            ["PV costs paid"] = a.PvCosts,
            ["PV fiscal benefits received"] = a.PvFiscalBenefits,
            ["of which cashable"] = a.PvFiscalCashable,
            ["Net"] = a.NetFiscal,
        }).ToList();
        var trace = result.Trace.Select(t => new Dictionary<string, object?>
        {
            ["t"] = t.T,
            ["Financial year"] = t.FiscalYear.ToString(),
            ["Kind"] = t.Kind,
            ["Line"] = t.Line,
            ["Label"] = t.Label,
            ["Agency"] = t.Agency,
            ["Transfer"] = t.Transfer,
            ["Unit cost"] = t.Reference,
            ["Edition"] = t.Edition,
            ["Source"] = t.Source,
            ["Rule"] = t.Rule,
            ["Amount"] = t.Amount,
            ["Discount factor"] = t.DiscountFactor,
            ["Present value"] = t.PresentValue,
        }).ToList();

        var sheets = new Dictionary<string, object>
        {
            ["Summary"] = summary,
            ["Inputs"] = inputs,
            ["Calculations"] = years,
            ["By agency"] = agencies,
            ["Trace"] = trace,
        };
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
    }

    private static Dictionary<string, object?> Input(string field, object? value) => new() { ["Field"] = field, ["Value"] = value };
}
