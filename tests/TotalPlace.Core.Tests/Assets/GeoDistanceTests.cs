using FsCheck;
using FsCheck.Xunit;
using TotalPlace.Core.Assets;

namespace TotalPlace.Core.Tests.Assets;

public sealed class GeoDistanceTests
{
    [Fact]
    public void GridMetres_ThreeFourFiveTriangle_IsFiveHundredMetres() =>
        Assert.Equal(500.0, GeoDistance.GridMetres(291_000, 92_000, 291_300, 92_400), 9);

    [Fact]
    public void HaversineMetres_OneDegreeOfLatitude_IsAbout111Kilometres() =>
        Assert.Equal(111_195, GeoDistance.HaversineMetres(50, -3.5, 51, -3.5), 0);

    [Fact]
    public void HaversineMetres_ExeterCathedralToExeterStDavidsStation_MatchesTheMappedDistance()
    {
        // Exeter Cathedral (50.7226, -3.5297) to Exeter St Davids station (50.7293, -3.5437): about 1.2 km on a map.
        var metres = GeoDistance.HaversineMetres(50.7226, -3.5297, 50.7293, -3.5437);

        Assert.InRange(metres, 1_150, 1_250);
    }

    [Fact]
    public void Between_AssetsInDifferentCoordinateSystems_IsUnknown()
    {
        var grid = new Asset { Agency = "A", Name = "Grid", Easting = 291_000, Northing = 92_000 };
        var wgs = new Asset { Agency = "B", Name = "Wgs", Latitude = 50.72, Longitude = -3.53 };

        Assert.Null(GeoDistance.Between(grid, wgs));
    }

    [Property(MaxTest = 200)]
    public bool HaversineMetres_IsSymmetricAndNonNegative(NormalFloat lat1, NormalFloat lon1, NormalFloat lat2, NormalFloat lon2)
    {
        double Lat(NormalFloat f) => Math.Clamp(f.Get % 90, -90, 90);
        double Lon(NormalFloat f) => f.Get % 180;
        var ab = GeoDistance.HaversineMetres(Lat(lat1), Lon(lon1), Lat(lat2), Lon(lon2));
        var ba = GeoDistance.HaversineMetres(Lat(lat2), Lon(lon2), Lat(lat1), Lon(lon1));
        return ab >= 0 && Math.Abs(ab - ba) < 1e-6 && ab <= Math.PI * GeoDistance.EarthRadiusMetres + 1;
    }

    [Property(MaxTest = 200)]
    public bool GridMetres_ObeysTheTriangleInequality(int e1, int n1, int e2, int n2, int e3, int n3)
    {
        var ab = GeoDistance.GridMetres(e1, n1, e2, n2);
        var bc = GeoDistance.GridMetres(e2, n2, e3, n3);
        var ac = GeoDistance.GridMetres(e1, n1, e3, n3);
        return ac <= ab + bc + 1e-6;
    }
}
