using Spectre.Console.Cli;
using TotalPlace.Cli.Commands.Spend;

namespace TotalPlace.Cli.Commands;

/// <summary>Registers the spend verbs; each area owns its own registration file.</summary>
internal static class SpendCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddCommand<ImportCommand>("import")
            .WithDescription("Import published spend files (or statements) into a place: one atomic, idempotent batch per file.")
            .WithExample("import", "--store", "place.duckdb", "--place", "E10000008", "--agency", "Devon County Council", "--agency-kind", "local-authority", "spend/");
        config.AddCommand<MapCommand>("map")
            .WithDescription("The place map: totals by theme, agency, year and funding stream, with per-head figures.")
            .WithExample("map", "--store", "place.duckdb", "--place", "E08000003", "--by", "theme,agency", "--format", "json");
        config.AddCommand<BatchesCommand>("batches")
            .WithDescription("The provenance list: every import batch with its file, SHA-256, rows and total.")
            .WithExample("batches", "--store", "place.duckdb");
        config.AddCommand<TransactionsCommand>("transactions")
            .WithDescription("Drill down to transaction lines: filter, search, sort and page.")
            .WithExample("transactions", "--store", "place.duckdb", "--place", "E08000003", "--theme", "housing", "--search", "care");
        config.AddCommand<DemoCommand>("demo")
            .WithDescription("Build the synthetic demo place (Greater Manchester scale: a dozen partners, about £22bn a year).")
            .WithExample("demo", "--store", "demo.duckdb");
        config.AddCommand<PlacesCommand>("places")
            .WithDescription("The places in the store, with population and agencies.");
        config.AddCommand<ThemesCommand>("themes")
            .WithDescription("The themes spend is classified to.");
        config.AddBranch("rules", rules =>
        {
            rules.SetDescription("Classification rules: which service codes, expense areas and types belong to which theme.");
            rules.AddCommand<RulesListCommand>("list")
                .WithDescription("List a place's rules in the order they are tried.");
            rules.AddCommand<RulesAddCommand>("add")
                .WithDescription("Add a rule; run reclassify to apply it to lines already stored.")
                .WithExample("rules", "add", "--store", "place.duckdb", "--place", "E08000003", "--field", "expense-area", "--match", "contains", "--pattern", "Homeless", "--theme", "housing");
        });
        config.AddCommand<ReclassifyCommand>("reclassify")
            .WithDescription("Re-apply a place's rules to every stored line, without re-importing.");
    }
}
