namespace TotalPlace.Web.Hosting;

/// <summary>Where the store lives and what to do with it on start, from configuration.</summary>
/// <remarks>
/// <c>Store</c> is a DuckDB file path (relative paths are taken from the working folder) or, once the server engine
/// exists, a <c>postgres://</c> connection string. <c>Demo:BuildOnFirstStart</c> builds the demo place when the store
/// holds no place yet, with <c>Demo:LinesPerYear</c> spend lines a year when given.
/// </remarks>
public sealed class StoreSettings
{
    public const string DefaultStore = "totalplace.duckdb";

    public string Store { get; set; } = DefaultStore;

    public bool BuildDemoOnFirstStart { get; set; } = true;

    /// <summary>Spend lines per year in the demo place; null for the generator's default.</summary>
    public int? DemoLinesPerYear { get; set; }

    public static StoreSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new StoreSettings
        {
            Store = string.IsNullOrWhiteSpace(configuration["Store"]) ? DefaultStore : configuration["Store"]!,
            BuildDemoOnFirstStart = configuration.GetValue("Demo:BuildOnFirstStart", true),
            DemoLinesPerYear = configuration.GetValue<int?>("Demo:LinesPerYear"),
        };
    }
}
