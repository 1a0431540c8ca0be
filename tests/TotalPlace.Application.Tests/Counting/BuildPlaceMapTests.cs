using TotalPlace.Application.Counting;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;
using TotalPlace.Testing;
using static TotalPlace.Application.Tests.Counting.CountingSeed;

namespace TotalPlace.Application.Tests.Counting;

/// <summary>The map as a use case on a real DuckDB file: what each reader may count, which place, which years, which
/// money, per head from the place's population; expected figures are sums of the lines the test inserted.</summary>
public sealed class BuildPlaceMapTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Readers => ["all", "public", "police analyst", "council analyst", "police analyst elsewhere"];

    private static Visibility Reader(string reader) => reader switch
    {
        "all" => Visibility.All,
        "public" => Visibility.PublishedOnly,
        "police analyst" => Visibility.PublishedOrAgency(Devon, Police),
        "council analyst" => Visibility.PublishedOrAgency(Devon, Council),
        "police analyst elsewhere" => Visibility.PublishedOrAgency(Manchester, Police),
        _ => throw new ArgumentOutOfRangeException(nameof(reader), reader, "unknown reader"),
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Execute_EachReader_CountsOnlyTheLinesItMaySee(string reader)
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);
        var seesPolice = reader is "all" or "police analyst";
        // 2024-25: the council's lines, the police's when seen, and the trust's outturn (its statements replace its
        // lines for the year, and its budget is not added to its outturn).
        var expected = In(Y2024, CouncilLines) + (seesPolice ? In(Y2024, PoliceLines) : 0m) + TrustOutturn;

        var map = await new BuildPlaceMap(store).ExecuteAsync(new PlaceMapRequest(Devon, Reader(reader), [MapDimension.Agency], Y2024), Ct);

        Assert.Equal(expected, map.Total);
        Assert.Equal(map.Total, map.Rows.Sum(r => r.Amount));
        Assert.Equal(seesPolice, map.Rows.Any(r => r.Agency == Police));
    }

    [Fact]
    public async Task Execute_OneYear_PerHeadIsOnThatYearsPopulation()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);
        var place = await store.Places.FindPlaceAsync(Devon, Ct);
        var population = place!.PopulationFor(Y2024);
        Assert.NotNull(population);

        var map = await new BuildPlaceMap(store).ExecuteAsync(new PlaceMapRequest(Devon, Visibility.All, Year: Y2024), Ct);

        Assert.Equal(population, map.Population);
        Assert.Equal((In(Y2024, CouncilLines) + In(Y2024, PoliceLines) + TrustOutturn) / population!.Value, map.PerHead);
    }

    [Fact]
    public async Task Execute_NoYear_CountsEveryYearAndGivesNoPerHeadTotal()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);
        var everyLine = CouncilLines.Concat(PoliceLines).Sum(l => l.Amount) + TrustOutturn; // the trust's line is in a year with statements

        var map = await new BuildPlaceMap(store).ExecuteAsync(new PlaceMapRequest(Devon, Visibility.All, [MapDimension.Year]), Ct);

        Assert.Equal(everyLine, map.Total);
        Assert.Null(map.Population);
        Assert.Null(map.PerHead);
        Assert.Equal([Y2023, Y2024, Y2025], map.Rows.Select(r => r.Year!.Value).Order());
    }

    [Fact]
    public async Task Execute_NoDimensionsNamed_GroupsByTheme()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);

        var map = await new BuildPlaceMap(store).ExecuteAsync(new PlaceMapRequest(Devon, Visibility.All, Year: Y2024), Ct);

        Assert.All(map.Rows, r => Assert.NotNull(r.Theme));
        Assert.All(map.Rows, r => Assert.Null(r.Agency));
        Assert.Contains(map.Rows, r => r.Theme == "health-social-care" && r.Amount >= TrustOutturn);
    }

    [Fact]
    public async Task Execute_BlankFilters_MeanNoFilterAndCodeIsReadInAnyCase()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);
        var use = new BuildPlaceMap(store);

        var blank = await use.ExecuteAsync(new PlaceMapRequest(" e10000008 ", Visibility.All, [], Y2024, Agency: "  ", Theme: "", Funding: " "), Ct);
        var council = await use.ExecuteAsync(new PlaceMapRequest(Devon, Visibility.All, [], Y2024, Agency: $" {Council} "), Ct);

        Assert.Equal(Devon, blank.PlaceCode);
        Assert.Equal(In(Y2024, CouncilLines) + In(Y2024, PoliceLines) + TrustOutturn, blank.Total);
        Assert.Equal(In(Y2024, CouncilLines), council.Total);
    }

    [Fact]
    public async Task Execute_EachSource_CountsItsOwnMoney()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);
        var use = new BuildPlaceMap(store);

        var lines = await use.ExecuteAsync(new PlaceMapRequest(Devon, Visibility.All, [], Source: MapSource.Transactions), Ct);
        var statements = await use.ExecuteAsync(new PlaceMapRequest(Devon, Visibility.All, [], Source: MapSource.Statements), Ct);

        Assert.Equal(CouncilLines.Concat(PoliceLines).Concat(TrustLines).Sum(l => l.Amount), lines.Total);
        Assert.Equal(TrustOutturn, statements.Total);
    }

    [Theory]
    [InlineData("E06000099", MapRefusal.NotFound)]
    [InlineData("Devon", MapRefusal.NotFound)]
    [InlineData("  ", MapRefusal.Invalid)]
    public async Task Execute_NoSuchPlace_IsRefusedAndCreatesNoPlace(string code, MapRefusal reason)
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        await SeedAsync(store, Ct);
        var before = (await store.Places.ListPlacesAsync(Ct)).Count;

        var refused = await Assert.ThrowsAsync<MapRequestRefusedException>(() =>
            new BuildPlaceMap(store).ExecuteAsync(new PlaceMapRequest(code, Visibility.All), Ct));

        Assert.Equal(reason, refused.Reason);
        Assert.DoesNotContain('\n', refused.Message);
        if (reason == MapRefusal.NotFound)
        {
            Assert.Contains(code, refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, (await store.Places.ListPlacesAsync(Ct)).Count);
    }
}
