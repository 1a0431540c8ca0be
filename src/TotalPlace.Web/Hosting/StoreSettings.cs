using TotalPlace.Storage;

namespace TotalPlace.Web.Hosting;

/// <summary>Where the store lives and what to do with it on start, from configuration.</summary>
/// <remarks>
/// <c>Store</c> is a DuckDB file path (relative paths are taken from the working folder), a
/// <c>postgres://user:password@host:port/database</c> URI, or an Npgsql connection string
/// (<c>Host=…;Port=…;Database=…;Username=…;Password=…</c>). <c>Demo:BuildOnFirstStart</c> builds the demo place when
/// the store holds no place yet, with <c>Demo:LinesPerYear</c> spend lines a year when given.
/// </remarks>
public sealed class StoreSettings
{
    public const string DefaultStore = "totalplace.duckdb";

    public string Store { get; set; } = DefaultStore;

    public bool BuildDemoOnFirstStart { get; set; } = true;

    /// <summary>Spend lines per year in the demo place; null for the generator's default.</summary>
    public int? DemoLinesPerYear { get; set; }

    /// <summary>True when <see cref="Store"/> names a PostgreSQL server (see <see cref="StoreLocation"/>).</summary>
    public bool IsPostgres => StoreLocation.NamesServer(Store);

    /// <summary>The parsed store location, the one parse every host uses.</summary>
    public StoreLocation Location() => StoreLocation.Parse(Store);

    /// <summary>The store as it can be shown in a message or log: the server, port, database and user for
    /// PostgreSQL (never the password), the full file path for DuckDB.</summary>
    public string Describe()
    {
        try
        {
            return Location().Describe();
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (the Store setting is not a valid connection string)";
        }
    }

    public static StoreSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new StoreSettings
        {
            Store = string.IsNullOrWhiteSpace(configuration["Store"]) ? DefaultStore : configuration["Store"]!.Trim(),
            BuildDemoOnFirstStart = configuration.GetValue("Demo:BuildOnFirstStart", true),
            DemoLinesPerYear = configuration.GetValue<int?>("Demo:LinesPerYear"),
        };
    }
}
