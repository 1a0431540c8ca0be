using FsCheck.Xunit;
using TotalPlace.Application.Appraisal;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Application.Tests.Appraisal;

/// <summary>The appraisal use case and the proposal id rule (issue 16).</summary>
public sealed class AppraiseProposalTests
{
    private static string Template() => ProposalTemplates.Get("workless-claimants");

    [Fact]
    public void Evaluate_Template_IsTheEnginesResultAndOptimismBiasIsTheDifferenceToAZeroBiasRun()
    {
        var appraisal = AppraiseProposal.Evaluate(Template());
        var proposal = ProposalParser.Parse(Template()).Value;
        var engine = Appraiser.Default.Appraise(proposal);
        // The same proposal with its rates written as zero in the file, appraised by the engine directly.
        var zero = Appraiser.Default.Appraise(ProposalParser.Parse(Template()
            .Replace("\"optimism_bias\": 0.10", "\"optimism_bias\": 0", StringComparison.Ordinal)
            .Replace("\"optimism_bias\": 0.15", "\"optimism_bias\": 0", StringComparison.Ordinal)).Value);

        Assert.True(appraisal.IsValid);
        Assert.Equal(engine.NpvFiscal, appraisal.Result!.NpvFiscal);
        Assert.Equal(engine.PvCosts - zero.PvCosts, appraisal.OptimismBias!.CostUplift);
        Assert.Equal(zero.PvFiscal - engine.PvFiscal, appraisal.OptimismBias.FiscalReduction);
        Assert.True(appraisal.OptimismBias.CostUplift > 0m);
        Assert.Equal(proposal.Costs.Count + proposal.Outcomes.Sum(o => o.Values.Count), appraisal.OptimismBias.Lines.Count);
    }

    [Fact]
    public void Evaluate_BrokenProposal_GivesTheReadersErrorsAndNoResult()
    {
        var appraisal = AppraiseProposal.Evaluate(Template().Replace("\"engagement\": 0.7", "\"engagement\": 7", StringComparison.Ordinal));

        Assert.False(appraisal.IsValid);
        Assert.Contains(appraisal.Errors, e => e.Path == "engagement");
    }

    [Property]
    public bool IdFrom_AnyName_IsAValidId(string? name) => SaveProposal.IsValidId(SaveProposal.IdFrom(name ?? ""));

    [Fact]
    public void IsValidId_RefusesWhatAUrlOrFileNameCouldNotCarry()
    {
        Assert.True(SaveProposal.IsValidId("jsa-claimants-2027"));
        Assert.False(SaveProposal.IsValidId(""));
        Assert.False(SaveProposal.IsValidId("-leading"));
        Assert.False(SaveProposal.IsValidId("Upper"));
        Assert.False(SaveProposal.IsValidId("a/b"));
        Assert.False(SaveProposal.IsValidId(new string('a', SaveProposal.MaxIdLength + 1)));
    }
}
