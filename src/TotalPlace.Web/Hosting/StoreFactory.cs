using TotalPlace.Storage;

namespace TotalPlace.Web.Hosting;

/// <summary>Opens the engine that the <c>Store</c> setting names: a DuckDB file path, or a PostgreSQL connection.</summary>
internal static class StoreFactory
{
    public static IPlaceStore Open(StoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var store = PlaceStore.IsPostgres(settings.Store) ? settings.Store : Path.GetFullPath(settings.Store);
        // Opening migrates the schema; it happens once, when the first service that needs the store is built.
        return PlaceStore.OpenAsync(store).GetAwaiter().GetResult();
    }
}
