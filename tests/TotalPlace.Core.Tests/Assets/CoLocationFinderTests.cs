using TotalPlace.Core.Assets;

namespace TotalPlace.Core.Tests.Assets;

public sealed class CoLocationFinderTests
{
    private static Asset At(string agency, string name, double e, double n, decimal? used, decimal area = 1_000m, decimal cost = 100_000m, string tenure = "Freehold") =>
        new() { Agency = agency, Name = name, Easting = e, Northing = n, Utilisation = used, FloorArea = area, RunningCost = cost, Tenure = tenure };

    [Fact]
    public void Find_FourBuildingsOfThreePartnersHalfEmpty_AreOneCandidateWithEstimatesAndAssumptions()
    {
        var assets = new[]
        {
            At("Council", "Civic Centre", 291_000, 92_000, 0.5m, area: 4_000m, cost: 400_000m),
            At("NHS Trust", "Health Centre", 291_200, 92_100, 0.4m, area: 800m, cost: 90_000m),
            At("Police", "Police Office", 291_100, 92_300, 0.5m, area: 600m, cost: 60_000m, tenure: "Leasehold"),
            At("Council", "Library", 291_300, 91_900, 0.45m, area: 500m, cost: 40_000m),
            At("Fire", "Fire Station far away", 299_000, 99_000, 0.2m),
        };

        var candidate = Assert.Single(CoLocationFinder.Find(assets));

        Assert.Equal(4, candidate.Assets.Count);
        Assert.Equal(["Council", "NHS Trust", "Police"], candidate.Agencies);
        Assert.Equal("Civic Centre", candidate.Keep.Name);
        Assert.Equal(590_000m, candidate.RunningCost);
        Assert.Equal(152_000m, candidate.RevenueSaving);          // (90k + 60k + 40k) × 0.8
        Assert.Equal(1_950_000m, candidate.CapitalReceipt);       // (800 + 500) m² freehold × £1,500
        Assert.True(candidate.Fits);                              // 2,000 + 320 + 300 + 225 m² in use ≤ 4,000 m²
        Assert.Contains(candidate.Assumptions, a => a.Contains("per square metre", StringComparison.Ordinal));
    }

    [Fact]
    public void Find_SamePartnerOrFullyUsedOrTooFar_IsNoCandidate()
    {
        var assets = new[]
        {
            At("Council", "Office A", 291_000, 92_000, 0.3m),
            At("Council", "Office B", 291_050, 92_000, 0.3m),
            At("NHS Trust", "Busy Clinic", 292_000, 92_000, 0.95m),
            At("Police", "Busy Station", 292_100, 92_000, 0.9m),
            At("Fire", "Quiet Station", 293_000, 92_000, 0.1m),
            At("Probation", "Office 500m away", 293_500, 92_000, 0.1m),
        };

        Assert.Empty(CoLocationFinder.Find(assets));
    }

    [Fact]
    public void Find_LatitudeLongitudeAssets_AreComparedByHaversine()
    {
        var assets = new[]
        {
            new Asset { Agency = "Council", Name = "Hub", Latitude = 50.7226, Longitude = -3.5297, Utilisation = 0.4m },
            new Asset { Agency = "NHS Trust", Name = "Clinic", Latitude = 50.7240, Longitude = -3.5310, Utilisation = 0.9m },
        };

        var candidate = Assert.Single(CoLocationFinder.Find(assets));
        Assert.InRange(candidate.MaxDistanceMetres, 150, 250);
        Assert.Null(candidate.Fits);
    }
}
