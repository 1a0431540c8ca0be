using TotalPlace.Core.Appraisal;

namespace TotalPlace.Core.Tests.Appraisal;

/// <summary>The worked "JSA claimants into work" proposal of cba-method.md, as a proposal file would give it.</summary>
internal static class Samples
{
    public const string JsaJson = """
        {
          "name": "JSA claimants into work",
          "price_base": "2015-16",
          "start_year": "2015-16",
          "horizon_years": 4,
          "discount": "standard",
          "cohorts": [ { "year": 0, "referrals": 200 }, { "year": 1, "referrals": 150 } ],
          "engagement": 0.7,
          "costs": [
            { "agency": "Local authority", "kind": "revenue", "amount": 1500, "per": "engaged", "optimism_bias": 0.10 },
            { "agency": "Local authority", "kind": "capital", "amount": 50000, "per": "fixed", "year": 0, "optimism_bias": 0.10 }
          ],
          "outcomes": [
            {
              "name": "Claimant enters work",
              "success": 0.3, "deadweight": 0.2, "attribution": 0.1, "displacement": 0,
              "lag_years": 0, "duration_years": 2, "drop_off": 0.2,
              "values": [
                { "unit_cost": "E&E1.0.1", "type": "fiscal", "agency": "DWP", "transfer": true, "optimism_bias": 0.15 },
                { "unit_cost": "E&E1.0.2", "type": "fiscal", "agency": "NHS", "transfer": false, "optimism_bias": 0.15 },
                { "unit_cost": "E&E1.0", "type": "economic", "agency": "Local economy", "optimism_bias": 0.15 }
              ]
            }
          ]
        }
        """;

    public static Proposal Jsa => ProposalParser.Parse(JsaJson).Value;

    public static decimal Pennies(decimal value) => Math.Round(value, 2, MidpointRounding.ToEven);
}
