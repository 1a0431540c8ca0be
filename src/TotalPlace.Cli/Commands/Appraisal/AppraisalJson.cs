using System.Text.Json.Nodes;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Cli.Commands.Appraisal;

/// <summary>The JSON form of an appraisal: money in pounds rounded to the penny (half-even), ratios to 4 places.</summary>
internal static class AppraisalJson
{
    public static JsonObject Create(AppraisalResult r, MonteCarloResult? mc)
    {
        var json = new JsonObject
        {
            ["name"] = r.Proposal.Name,
            ["price_base"] = r.PriceBase.Year.ToString(),
            ["deflator_series"] = r.PriceBase.SeriesId,
            ["discount_schedule"] = r.Schedule.Name,
            ["pv_costs"] = Money(r.PvCosts),
            ["pv_fiscal"] = Money(r.PvFiscal),
            ["pv_fiscal_cashable"] = Money(r.PvFiscalCashable),
            ["pv_fiscal_transfers"] = Money(r.PvFiscalTransfers),
            ["pv_economic"] = Money(r.PvEconomic),
            ["pv_social"] = Money(r.PvSocial),
            ["pv_public_value"] = Money(r.PvPublicValue),
            ["npv_fiscal"] = Money(r.NpvFiscal),
            ["npv_public_value"] = Money(r.NpvPublicValue),
            ["roi_fiscal"] = Ratio(r.RoiFiscal),
            ["roi_public_value"] = Ratio(r.RoiPublicValue),
            ["payback_year_index"] = r.PaybackYearIndex,
            ["payback_fiscal_year"] = r.PaybackFiscalYear?.ToString(),
            ["irr_fiscal"] = Ratio(r.IrrFiscal),
            ["by_agency"] = new JsonArray(r.ByAgency.Select(a => (JsonNode)new JsonObject
            {
                ["agency"] = a.Agency,
                ["pv_costs"] = Money(a.PvCosts),
                ["pv_fiscal_benefits"] = Money(a.PvFiscalBenefits),
                ["pv_fiscal_cashable"] = Money(a.PvFiscalCashable),
            }).ToArray()),
            ["years"] = new JsonArray(r.Years.Select(y => (JsonNode)new JsonObject
            {
                ["t"] = y.T,
                ["fiscal_year"] = y.FiscalYear.ToString(),
                ["costs"] = Money(y.Costs),
                ["fiscal"] = Money(y.Fiscal),
                ["economic"] = Money(y.Economic),
                ["social"] = Money(y.Social),
                ["discount_factor"] = Math.Round(y.DiscountFactor, 10),
                ["cumulative_discounted_fiscal_net"] = Money(y.CumulativeDiscountedFiscalNet),
            }).ToArray()),
            ["trace"] = new JsonArray(r.Trace.Select(t => (JsonNode)new JsonObject
            {
                ["t"] = t.T,
                ["kind"] = t.Kind,
                ["line"] = t.Line,
                ["agency"] = t.Agency,
                ["unit_cost"] = t.Reference,
                ["edition"] = t.Edition,
                ["source"] = t.Source,
                ["rule"] = t.Rule,
                ["amount"] = Money(t.Amount),
            }).ToArray()),
            ["conventions"] = new JsonArray(r.Conventions.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
        };
        if (mc is not null)
        {
            json["monte_carlo"] = new JsonObject
            {
                ["iterations"] = mc.Iterations,
                ["seed"] = mc.Seed,
                ["npv_fiscal"] = Bands(mc.NpvFiscal),
                ["npv_public_value"] = Bands(mc.NpvPublicValue),
                ["pv_costs"] = Bands(mc.PvCosts),
                ["roi_fiscal"] = Bands(mc.RoiFiscal, 4),
                ["roi_public_value"] = Bands(mc.RoiPublicValue, 4),
                ["p_npv_fiscal_positive"] = Math.Round(mc.ProbabilityNpvFiscalPositive, 4),
                ["p_npv_public_value_positive"] = Math.Round(mc.ProbabilityNpvPublicValuePositive, 4),
            };
        }

        return json;
    }

    private static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.ToEven);

    private static decimal? Ratio(decimal? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.ToEven) : null;

    private static JsonObject Bands(Bands b, int digits = 2) => new()
    {
        ["p10"] = Num(b.P10, digits),
        ["p50"] = Num(b.P50, digits),
        ["p90"] = Num(b.P90, digits),
        ["mean"] = Num(b.Mean, digits),
    };

    private static double? Num(double value, int digits) => double.IsFinite(value) ? Math.Round(value, digits) : null;

    public static JsonArray Tornado(IReadOnlyList<TornadoBar> bars) => new(bars.Select(b => (JsonNode)new JsonObject
    {
        ["input"] = b.Path,
        ["base"] = b.Base,
        ["low"] = b.Low,
        ["high"] = b.High,
        ["npv_fiscal_at_low"] = Money(b.NpvFiscalAtLow),
        ["npv_fiscal_at_high"] = Money(b.NpvFiscalAtHigh),
        ["npv_public_value_at_low"] = Money(b.NpvPublicValueAtLow),
        ["npv_public_value_at_high"] = Money(b.NpvPublicValueAtHigh),
    }).ToArray());

    public static JsonArray Switching(IReadOnlyList<SwitchingValue> values) => new(values.Select(v => (JsonNode)new JsonObject
    {
        ["input"] = v.Path,
        ["base"] = v.Base,
        ["switching_value"] = v.Value is { } x ? Math.Round(x, 6) : null,
        ["change"] = v.Change is { } c ? Math.Round(c, 4) : null,
    }).ToArray());
}
