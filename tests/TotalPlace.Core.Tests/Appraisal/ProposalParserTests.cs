using TotalPlace.Core.Appraisal;

namespace TotalPlace.Core.Tests.Appraisal;

public sealed class ProposalParserTests
{
    private static IReadOnlyList<string> Errors(string json) =>
        ProposalParser.Parse(json).Errors.Select(e => e.ToString()).ToList();

    [Fact]
    public void Parse_WorkedProposal_ReadsEveryField()
    {
        var p = Samples.Jsa;
        Assert.Equal("JSA claimants into work", p.Name);
        Assert.Equal(FiscalYear.Parse("2015-16"), p.PriceBase);
        Assert.Equal(4, p.HorizonYears);
        Assert.Equal(0.7m, p.Engagement);
        Assert.Equal(CostBasis.Engaged, p.Costs[0].Per);
        Assert.Equal(CostKind.Capital, p.Costs[1].Kind);
        Assert.Equal("E&E1.0.1", p.Outcomes[0].Values[0].UnitCost);
        Assert.True(p.Outcomes[0].Values[0].Transfer);
        Assert.Equal(BenefitType.Economic, p.Outcomes[0].Values[2].Type);
    }

    [Fact]
    public void Parse_OptimismBiasAboveOne_NamesTheFieldPath()
    {
        var json = Samples.JsaJson.Replace("\"transfer\": false, \"optimism_bias\": 0.15", "\"transfer\": false, \"optimism_bias\": 1.4", StringComparison.Ordinal);
        Assert.Contains("outcomes[0].values[1].optimism_bias: 1.4 is not between 0 and 1", Errors(json));
    }

    [Fact]
    public void Parse_ManyProblems_ReportsEachWithItsPath()
    {
        const string json = """
            { "price_base": "2015", "start_year": 2015, "horizon_years": 2.5, "discount": "low",
              "cohorts": [ { "year": -1, "referrals": "ten" } ], "engagement": 2,
              "costs": [ { "agency": "LA", "amount": -5, "per": "month" } ],
              "outcomes": [ { "name": "x", "success": 0.3, "values": [ { "type": "fiscal", "agency": "DWP" }, { "unit_cost": "E&E1.0", "amount": 3, "type": "fiscal", "agency": "DWP" } ] } ],
              "colour": "red" }
            """;
        var errors = Errors(json);
        Assert.Contains("name: is required", errors);
        Assert.Contains(errors, e => e.StartsWith("price_base: \"2015\" is not a financial year", StringComparison.Ordinal));
        Assert.Contains("horizon_years: 2.5 is not a whole number", errors);
        Assert.Contains(errors, e => e.StartsWith("discount: \"low\" is not one of standard, health, sensitivity", StringComparison.Ordinal));
        Assert.Contains("cohorts[0].year: -1 is less than 0", errors);
        Assert.Contains("cohorts[0].referrals: must be a number, not the string \"ten\"", errors);
        Assert.Contains("engagement: 2 is not between 0 and 1", errors);
        Assert.Contains("costs[0].amount: -5 is less than 0", errors);
        Assert.Contains(errors, e => e.StartsWith("costs[0].per: \"month\" is not one of", StringComparison.Ordinal));
        Assert.Contains("outcomes[0].values[0]: needs unit_cost, or amount with price_year and source", errors);
        Assert.Contains("outcomes[0].values[1]: give unit_cost or amount, not both", errors);
        Assert.Contains(errors, e => e.StartsWith("colour: is not a known field", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NotJson_SaysWhere()
    {
        var errors = Errors("{ \"name\": ");
        Assert.Single(errors);
        Assert.StartsWith("not valid JSON (line 1", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownUnitCostAndYearOutsideHorizon_NameTheirPaths()
    {
        var json = Samples.JsaJson.Replace("E&E1.0.2", "E&E99.9", StringComparison.Ordinal)
            .Replace("\"year\": 0, \"optimism_bias\"", "\"year\": 7, \"optimism_bias\"", StringComparison.Ordinal);
        var errors = Appraiser.Default.Validate(ProposalParser.Parse(json).Value).Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.StartsWith("outcomes[0].values[1].unit_cost: 'E&E99.9' is not in the unit cost database", StringComparison.Ordinal));
        Assert.Contains("costs[1].year: 7 is outside the horizon (0 to 3)", errors);
        var ex = Assert.Throws<ProposalException>(() => Appraiser.Default.Appraise(ProposalParser.Parse(json).Value));
        Assert.Equal(2, ex.Errors.Count);
    }

    [Fact]
    public void Parse_LocalUnitCostsAndUncertainty_AreRead()
    {
        var json = Samples.JsaJson.TrimEnd().TrimEnd('}') + """
            , "local_unit_costs": [ { "code": "GM-1", "type": "social", "amount": 1200, "price_year": "2014-15", "source": "GM survey", "confidence": 3 } ],
              "uncertainty": [ { "input": "outcomes[0].success", "distribution": "pert", "low": 0.2, "mode": 0.3, "high": 0.5 },
                               { "input": "outcomes[0].nonsense", "distribution": "uniform", "low": 0, "high": 1 },
                               { "input": "engagement", "distribution": "triangular", "low": 0.9, "mode": 0.5, "high": 1 } ] }
            """;
        var errors = Errors(json);
        Assert.Contains(errors, e => e.StartsWith("uncertainty[1].input: 'outcomes[0].nonsense' is not an input that can vary", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("uncertainty[2]: a distribution needs low ≤ mode ≤ high", StringComparison.Ordinal));
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Parse_LocalUnitCost_CanBeReferencedByCode()
    {
        var json = Samples.JsaJson.Replace("\"E&E1.0\", \"type\": \"economic\"", "\"GM-1\", \"type\": \"social\"", StringComparison.Ordinal)
            .TrimEnd().TrimEnd('}') + """
            , "local_unit_costs": [ { "code": "GM-1", "type": "social", "amount": 1200, "price_year": "2015-16", "source": "GM survey", "confidence": 3 } ] }
            """;
        var result = Appraiser.Default.Appraise(ProposalParser.Parse(json).Value);
        Assert.True(result.PvSocial > 0m);
        Assert.Contains(result.Trace, t => t.Reference == "GM-1" && t.Edition == "local" && t.Source == "GM survey");
    }
}
