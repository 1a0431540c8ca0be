using System.Text.Json.Nodes;
using TotalPlace.Core;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Cli.Commands.Appraisal;

/// <summary>Unit cost entries as JSON and table cells; values are shown in their own price year and uprated to 2015-16.</summary>
internal static class UnitCostJson
{
    private static readonly FiscalYear s_ucdBase = FiscalYear.Parse("2015-16");

    public static JsonObject Create(UnitCost e) => new()
    {
        ["code"] = e.Code,
        ["edition"] = e.Edition,
        ["description"] = e.Description,
        ["unit"] = e.Unit,
        ["theme"] = e.Theme,
        ["agency"] = e.Agency,
        ["agency_detail"] = e.AgencyDetail,
        ["fiscal"] = Value(e.Fiscal),
        ["economic"] = Value(e.Economic),
        ["social"] = Value(e.Social),
        ["rag"] = e.Confidence,
        ["source"] = e.Source,
    };

    public static string Cell(UnitCostValue? v) => v is null
        ? ""
        : $"{Money.FromPounds(v.Amount)} ({v.PriceYear}) = {Money.FromPounds(Deflator.UcdV14.Uprate(v.Amount, v.PriceYear, s_ucdBase))} (2015-16)";

    private static JsonObject? Value(UnitCostValue? v) => v is null
        ? null
        : new JsonObject
        {
            ["amount"] = v.Amount,
            ["price_year"] = v.PriceYear.ToString(),
            ["amount_2015_16"] = Math.Round(Deflator.UcdV14.Uprate(v.Amount, v.PriceYear, s_ucdBase), 2, MidpointRounding.ToEven),
        };
}
