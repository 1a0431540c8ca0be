using TotalPlace.Core.Assets;
using TotalPlace.Core.Waste;
using TotalPlace.Testing;

namespace TotalPlace.Core.Tests.Assets;

public sealed class AssetSpendLinkerTests
{
    private static readonly Asset s_forum = new()
    {
        Agency = "Council",
        Name = "Wythenshawe Forum",
        Uprn = "077180910",
        Postcode = "M22 5RX",
        RunningCost = 400_000m,
        Easting = 383_000,
        Northing = 388_000,
        Utilisation = 0.5m,
        FloorArea = 5_000m,
        Tenure = "Freehold",
    };

    private static readonly Asset s_hulme = new() { Agency = "Council", Name = "Hulme Hall", Postcode = "M15 5XX", RunningCost = 50_000m };

    private static readonly Asset s_carPark = new() { Agency = "Council", Name = "Car Park", RunningCost = 10_000m };

    private static readonly Asset s_clinic = new()
    {
        Agency = "NHS Trust",
        Name = "Forum Health Centre",
        RunningCost = 90_000m,
        Easting = 383_100,
        Northing = 388_050,
        Utilisation = 0.4m,
        FloorArea = 800m,
        Tenure = "Leasehold",
    };

    private static PartnerTransaction Line(string agency, decimal amount, DateOnly date, string? type, string? description = null, string? area = null) =>
        new(agency, new TransactionBuilder().ForAgency(agency).To("SOME SUPPLIER LTD").Paying(amount).On(date).OfType(type).Build()
            with
        { Description = description, ExpenseArea = area });

    private static AssetSpendLinks Link(params PartnerTransaction[] lines) => AssetSpendLinker.Link([s_forum, s_hulme, s_carPark, s_clinic], lines);

    [Fact]
    public void Link_UprnNameAndPostcodeOfTheOwnersPremisesLines_AreCountedForTheLatestYear()
    {
        var links = Link(
            Line("Council", 12_000m, 1.May(2024), "NNDR Rates", "Business rates UPRN 77180910"),
            Line("Council", 3_000m, 2.June(2024), "Electricity", area: "Wythenshawe Forum"),
            Line("Council", 500m, 3.July(2024), "Cleaning", "Window cleaning at M22 5RX"),
            Line("Council", 9_999m, 1.May(2023), "Electricity", area: "Wythenshawe Forum"));

        var forum = Assert.Single(links.ByAsset);
        Assert.Same(s_forum, forum.Asset);
        Assert.Equal(FiscalYear.StartingIn(2024), forum.Year);
        Assert.Equal(3, forum.Lines);
        Assert.Equal(15_500m, forum.Amount);
        Assert.Equal(["UPRN 77180910", "name 'WYTHENSHAWE FORUM'", "postcode M22 5RX"], forum.Rules);
        Assert.Equal(550_000m, links.EstateRunningCost);
        Assert.Equal(400_000m, links.LinkedRunningCost);
        Assert.Equal(15_500m, links.LinkedSpend);
    }

    [Fact]
    public void Link_OtherPartnersLinesStaffCostsGenericNamesAndPartWords_AreNotLinked()
    {
        var links = Link(
            Line("NHS Trust", 4_000m, 1.May(2024), "Rent", "Rent for Wythenshawe Forum rooms"),    // not the owner's line
            Line("Council", 80_000m, 1.May(2024), "Agency Staff", area: "Wythenshawe Forum"),    // not a running cost
            Line("Council", 700m, 1.May(2024), "Repairs", "Car park resurfacing, Car Park"),     // generic name
            Line("Council", 900m, 1.May(2024), "Repairs", "Hulme Halls of residence roof"),      // "HALLS" is not "HALL"
            Line("Council", 650m, 1.May(2024), "Cleaning", "Wythenshawe Forums"));               // part of a word

        Assert.Empty(links.ByAsset);
        Assert.Equal(0, links.AmbiguousLines);
    }

    [Fact]
    public void Link_LineNamingTwoAssets_IsLeftUnlinkedAndCountedAsAmbiguous()
    {
        var links = Link(Line("Council", 1_200m, 1.May(2024), "Security", "Alarm contract Wythenshawe Forum and Hulme Hall"));

        Assert.Empty(links.ByAsset);
        Assert.Equal(1, links.AmbiguousLines);
    }

    [Fact]
    public void Link_UprnOnTheLine_WinsOverAnotherAssetsName()
    {
        var forum = Assert.Single(Link(Line("Council", 2_000m, 1.May(2024), "Gas", "Gas 077180910 (shared meter with Hulme Hall)")).ByAsset);

        Assert.Same(s_forum, forum.Asset);
        Assert.Equal(["UPRN 77180910"], forum.Rules);
    }

    [Fact]
    public void FromCoLocations_WithLinks_SaysHowMuchOfTheRunningCostTheMapCounts()
    {
        var links = Link(Line("Council", 12_000m, 1.May(2024), "NNDR Rates", "Business rates UPRN 77180910"));

        var finding = Assert.Single(WasteFindings.FromCoLocations(CoLocationFinder.Find([s_forum, s_clinic]), links));

        Assert.Contains(finding.Explanation, e => e.StartsWith("The spend map already counts £12,000 of these buildings' running cost (£400,000 a year for the 1 of 2 linked): Wythenshawe Forum £12,000 in 2024-25 from 1 lines by UPRN 77180910", StringComparison.Ordinal));
        Assert.Contains(finding.Explanation, e => e.StartsWith("Across the estate, 1 of 4 assets with a running cost are linked", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Electricity", null, true)]
    [InlineData("Rents", null, true)]
    [InlineData(null, "Water rates April", true)]
    [InlineData("Agency Staff", "Cleaning rota cover", false)]
    [InlineData("Direct Payments", null, false)]
    public void IsPremises_ReadsTheExpenseTypeElseTheDescription(string? type, string? description, bool expected) =>
        Assert.Equal(expected, AssetSpendLinker.IsPremises(type, description));
}
