using System.Data.Common;
using System.Net.Sockets;
using TotalPlace.Storage;

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
            store = PlaceStore.OpenAsync(settings.Location()).GetAwaiter().GetResult();
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

    // Npgsql says where ("Failed to connect to 127.0.0.1:5432"), the socket says why ("Connection refused").
    private static string Cause(Exception exception) =>
        exception is DbException { InnerException: SocketException or TimeoutException or IOException } db
            ? $"{FirstLine(db.Message).TrimEnd('.')} ({FirstLine(db.InnerException!.Message).TrimEnd('.')})"
            : FirstLine(exception.Message);

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
