namespace TotalPlace.Core.Assets;

/// <summary>Distances between assets: straight-line on the British National Grid, or great-circle from latitude and longitude.</summary>
public static class GeoDistance
{
    /// <summary>The mean Earth radius (IUGG), in metres, used by the haversine formula.</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Euclidean distance between two OSGB36 grid references, in metres (the grid is a plane projection, so
    /// this is accurate to well under 0.1% over the few kilometres co-location looks at).</summary>
    public static double GridMetres(double eastingA, double northingA, double eastingB, double northingB)
    {
        var de = eastingA - eastingB;
        var dn = northingA - northingB;
        return Math.Sqrt((de * de) + (dn * dn));
    }

    /// <summary>Great-circle distance between two WGS84 positions by the haversine formula, in metres.</summary>
    public static double HaversineMetres(double latitudeA, double longitudeA, double latitudeB, double longitudeB)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(latitudeA), 90);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(latitudeB), 90);
        static double Rad(double degrees) => degrees * Math.PI / 180.0;
        var dLat = Rad(latitudeB - latitudeA);
        var dLon = Rad(longitudeB - longitudeA);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(latitudeA)) * Math.Cos(Rad(latitudeB)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>The distance between two assets in metres: on the grid when both have eastings and northings, else by
    /// haversine when both have latitude and longitude; null when they share no coordinate system.</summary>
    public static double? Between(Asset a, Asset b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a is { Easting: { } ea, Northing: { } na } && b is { Easting: { } eb, Northing: { } nb })
        {
            return GridMetres(ea, na, eb, nb);
        }

        if (a is { Latitude: { } la, Longitude: { } oa } && b is { Latitude: { } lb, Longitude: { } ob })
        {
            return HaversineMetres(la, oa, lb, ob);
        }

        return null;
    }
}
