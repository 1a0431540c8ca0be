using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;
using Outcome = TotalPlace.Core.Partnership.Outcome;

namespace TotalPlace.Core.Tests.Partnership;

public sealed class OfferFileTests
{
    private static string Sample => File.ReadAllText(RepoFiles.SampleOffer);

    private static string Edit(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Sample, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    [Fact]
    public void Parse_GreaterManchesterSample_ReadsEverythingAndPassesValidation()
    {
        var result = OfferFile.Parse(Sample);

        Assert.Empty(result.Issues);
        var offer = Assert.IsType<Offer>(result.Offer);
        Assert.Equal("E11000001", offer.PlaceCode);
        Assert.Equal(OfferKind.Single, offer.Kind);
        Assert.Equal(5, offer.Partners.Count);
        Assert.Equal(6, offer.Outcomes.Count);
        Assert.Equal(15, offer.Pool!.Contributions.Count);
        Assert.Equal(37_950_000m, offer.Pool.TotalContributed.Pounds);
        Assert.Equal(ShareRuleKind.FixedShares, offer.Pool.SavingsShare.Kind);
        Assert.Equal(new DateOnly(2028, 10, 1), offer.InterimReportDate);
        Assert.Empty(OfferValidator.Validate(offer));
    }

    [Fact]
    public void Write_ThenParse_RoundTripsTheSample()
    {
        var first = OfferFile.Write(OfferFile.Parse(Sample).Offer!);

        var second = OfferFile.Parse(first);

        Assert.Empty(second.Issues);
        Assert.Equal(first, OfferFile.Write(second.Offer!));
    }

    [Fact]
    public void Parse_NotJson_ReportsLineAndPosition()
    {
        var result = OfferFile.Parse("{ \"id\": ");

        Assert.Null(result.Offer);
        Assert.Contains("line 1", Assert.Single(result.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongType_NamesTheFieldPath()
    {
        var result = OfferFile.Parse(Edit(o => o["outcomes"]![1]!["baseline"]!["value"] = "six point eight"));

        Assert.Equal("$.outcomes[1].baseline.value", Assert.Single(result.Issues).Path);
    }

    [Fact]
    public void Parse_UnknownField_IsReportedSoTyposAreNotIgnored()
    {
        var result = OfferFile.Parse(Edit(o => o["pool"]!["acountableBody"] = "x"));

        Assert.Contains("acountableBody", Assert.Single(result.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingHeaderFields_ReportsEachAndReturnsNoOffer()
    {
        var result = OfferFile.Parse(Edit(o =>
        {
            o.Remove("id");
            o.Remove("startDate");
            o["kind"] = "singel";
        }));

        Assert.Null(result.Offer);
        Assert.Equal(["$.id", "$.kind", "$.startDate"], result.Issues.Select(i => i.Path));
        Assert.Contains("innovativePolicy", result.Issues[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadFiscalYearAndMissingDate_NameTheirPaths()
    {
        var result = OfferFile.Parse(Edit(o =>
        {
            o["pool"]!["contributions"]![2]!["year"] = "2027-29";
            o["engagement"]![0]!.AsObject().Remove("when");
        }));

        Assert.Equal(["$.pool.contributions[2].year", "$.engagement[0].when"], result.Issues.Select(i => i.Path));
    }

    [Fact]
    public void Parse_ElevenOutcomes_ReportsTheEleventhAndKeepsTen()
    {
        var result = OfferFile.Parse(Edit(o =>
        {
            var outcomes = o["outcomes"]!.AsArray();
            for (var i = outcomes.Count; i < 11; i++)
            {
                var copy = outcomes[0]!.DeepClone();
                copy["name"] = $"Extra outcome {i}";
                outcomes.Add(copy);
            }
        }));

        var issue = Assert.Single(result.Issues);
        Assert.Equal("$.outcomes[10]", issue.Path);
        Assert.Equal("outcomes.too-many", issue.Code);
        Assert.Equal(Offer.MaxOutcomes, result.Offer!.Outcomes.Count);
    }

    [Fact]
    public void Parse_StatusInDelivery_IsRestoredWithoutReplayingTheLifecycle()
    {
        var result = OfferFile.Parse(Edit(o => o["status"] = "inDelivery"));

        Assert.Equal(OfferStatus.InDelivery, result.Offer!.Status);
    }

    [Property]
    public Property WriteThenParse_AnyContributionsAndOutcomes_RoundTripExactly()
    {
        var contributionGen =
            from partner in Gen.Elements(OfferBuilder.Council, OfferBuilder.Nhs, OfferBuilder.Dwp)
            from year in Gen.Choose(2020, 2040)
            from cashPence in Gen.Choose(0, int.MaxValue)
            from extraDigits in Gen.Choose(0, 9999)
            from inKindPence in Gen.Choose(0, 1_000_000)
            select new Contribution(partner, FiscalYear.StartingIn(year), Money.FromPounds((cashPence * 100m) + (extraDigits / 10_000m)), Money.FromPence(inKindPence));
        var valueGen =
            from whole in Gen.Choose(-1_000_000, 1_000_000)
            from fraction in Gen.Choose(0, 999_999)
            select whole + (fraction / 1_000_000m);
        var gen =
            from contributions in Gen.ListOf(contributionGen)
            from baseline in valueGen
            from target in valueGen
            select (contributions, baseline, target);

        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var offer = new OfferBuilder().WithOutcomes(0).Build();
            offer.Pool = offer.Pool! with { Contributions = [.. t.contributions] };
            offer.AddOutcome(OfferBuilder.AnOutcome("Only") with
            {
                Baseline = new Measurement(t.baseline, new DateOnly(2027, 4, 1)),
                Target = new Measurement(t.target, new DateOnly(2030, 3, 31)),
            });

            var back = OfferFile.Parse(OfferFile.Write(offer));

            return back.Success
                && back.Offer!.Pool!.Contributions.SequenceEqual(offer.Pool.Contributions)
                && back.Offer.Outcomes.SequenceEqual(offer.Outcomes, new OutcomeComparer());
        });
    }

    // Outcome holds a list, which record equality compares by reference; compare the values.
    private sealed class OutcomeComparer : IEqualityComparer<Outcome>
    {
        public bool Equals(Outcome? x, Outcome? y) =>
            x is not null && y is not null && x with { Partners = [] } == y with { Partners = [] } && x.Partners.SequenceEqual(y.Partners);

        public int GetHashCode(Outcome obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
