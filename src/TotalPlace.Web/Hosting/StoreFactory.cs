using System.Data.Common;
using System.Net.Sockets;
using TotalPlace.Storage;
using TotalPlace.Storage.DuckDb;

namespace TotalPlace.Web.Hosting;

/// <summary>Opens (and so migrates) the engine that the <c>Store</c> setting names: a DuckDB file path, or a
/// PostgreSQL server. A store that cannot be used stops the app before it takes requests, with one line that says
/// why.</summary>
internal static class StoreFactory
{
    public static IPlaceStore Open(StoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        IPlaceStore? store = null;
        try
        {
            // Opening migrates the schema; it happens once, when the first service that needs the store is built.
            store = settings.IsPostgres
                ? PlaceStore.OpenPostgresAsync(settings.Store).GetAwaiter().GetResult()
                : PlaceStore.OpenDuckDbAsync(Path.GetFullPath(settings.Store)).GetAwaiter().GetResult();
            RefuseNewerDuckDbSchema(store);
            return store;
        }
        catch (Exception ex) when (ex is DbException or SocketException or TimeoutException or IOException or PlaceStoreException or ArgumentException)
        {
            store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            var refusal = Refusal(settings, ex);
            Console.Error.WriteLine(refusal);
            throw new InvalidOperationException(refusal, ex);
        }
    }

    /// <summary>The one line the app stops with when the store cannot be used.</summary>
    internal static string Refusal(StoreSettings settings, Exception exception)
    {
        var reason = exception switch
        {
            PlaceStoreException => FirstLine(exception.Message),
            ArgumentException => $"the Store setting is not usable: {FirstLine(exception.Message)}",
            _ when settings.IsPostgres => $"the server cannot be reached or refused the connection: {Cause(exception)}",
            _ => FirstLine(exception.Message),
        };
        return $"TotalPlace cannot start with the store {settings.Describe()}: {reason.TrimEnd('.')}.";
    }

    // The PostgreSQL engine refuses a newer schema itself, before migrating; a DuckDB file is checked here.
    private static void RefuseNewerDuckDbSchema(IPlaceStore store)
    {
        if (store is not DuckDbPlaceStore duckDb)
        {
            return;
        }

        var known = DuckDbPlaceStore.Migrations.Select(m => m.Version).ToHashSet();
        var unknown = duckDb.AppliedVersionsAsync().GetAwaiter().GetResult().Where(v => !known.Contains(v)).ToList();
        if (unknown.Count > 0)
        {
            throw new PlaceStoreException(
                $"The DuckDB file {duckDb.Path} has schema version {unknown[^1]:D3}, newer than this TotalPlace knows (up to {known.Max():D3}); upgrade TotalPlace before using this file.");
        }
    }

    // Npgsql says where ("Failed to connect to 127.0.0.1:5432"), the socket says why ("Connection refused").
    private static string Cause(Exception exception) =>
        exception is DbException { InnerException: SocketException or TimeoutException or IOException } db
            ? $"{FirstLine(db.Message).TrimEnd('.')} ({FirstLine(db.InnerException!.Message).TrimEnd('.')})"
            : FirstLine(exception.Message);

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
