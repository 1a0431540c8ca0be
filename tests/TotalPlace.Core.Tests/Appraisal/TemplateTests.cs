using System.Runtime.CompilerServices;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Core.Tests.Appraisal;

public sealed class TemplateTests
{
    private static string Samples([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "samples", "proposals"));

    [Theory]
    [InlineData("neet-construction", "neet-into-construction.json")]
    [InlineData("workless-claimants", "jsa-claimants-into-work.json")]
    public void Template_ParsesAppraisesAndMatchesItsSample(string name, string sample)
    {
        var template = ProposalParser.Parse(ProposalTemplates.Get(name)).Value;
        var fromSample = ProposalParser.Parse(File.ReadAllText(Path.Combine(Samples(), sample))).Value;
        var a = Appraiser.Default.Appraise(template);
        var b = Appraiser.Default.Appraise(fromSample);
        Assert.Equal(b.NpvFiscal, a.NpvFiscal);
        Assert.Equal(b.NpvPublicValue, a.NpvPublicValue);
        Assert.All(template.Outcomes.SelectMany(o => o.Values), v => Assert.NotNull(UnitCostDatabase.UcdV14.Find(v.UnitCost!)));
    }

    [Fact]
    public void JsaSample_IsTheWorkedVector() =>
        Assert.Equal(357761.83m, Math.Round(Appraiser.Default.Appraise(
            ProposalParser.Parse(File.ReadAllText(Path.Combine(Samples(), "jsa-claimants-into-work.json"))).Value).NpvFiscal, 2));

    [Fact]
    public void Get_UnknownTemplate_ListsTheNames()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => ProposalTemplates.Get("nope"));
        Assert.Contains("neet-construction", ex.Message, StringComparison.Ordinal);
    }
}
