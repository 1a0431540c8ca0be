using Spectre.Console.Cli;
using TotalPlace.Cli.Commands.Spend;

namespace TotalPlace.Cli.Commands;

/// <summary>Registers the spend verbs; each area owns its own registration file.</summary>
internal static class SpendCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddCommand<MapCommand>("map")
            .WithDescription("The place map: totals by theme, agency, year and funding stream, with per-head figures.")
            .WithExample("map", "--store", "place.duckdb", "--place", "E08000003", "--by", "theme,agency", "--format", "json");
        config.AddCommand<BatchesCommand>("batches")
            .WithDescription("The provenance list: every import batch with its file, SHA-256, rows and total.")
            .WithExample("batches", "--store", "place.duckdb");
        config.AddCommand<TransactionsCommand>("transactions")
            .WithDescription("Drill down to transaction lines: filter, search, sort and page.")
            .WithExample("transactions", "--store", "place.duckdb", "--place", "E08000003", "--theme", "housing", "--search", "care");
        config.AddCommand<PlacesCommand>("places")
            .WithDescription("The places in the store, with population and agencies.");
    }
}
