using Spectre.Console.Cli;
using TotalPlace.Cli.Commands.Waste;

namespace TotalPlace.Cli.Commands;

/// <summary>Registers the waste verbs; each area owns its own registration file.</summary>
internal static class WasteCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch("waste", waste =>
        {
            waste.SetDescription("Find waste: shared suppliers, duplicate payments, services bought twice, co-location; review findings.");
            waste.SetDefaultCommand<WasteCommand>();
            waste.AddCommand<WasteReviewCommand>("review")
                .WithDescription("Confirm or reject a finding; later runs keep the decision.")
                .WithExample("waste", "review", "--store", "place.duckdb", "--place", "E08000003", "--finding", "dup:3f2a9c0d1e2b4a5f", "--state", "false-positive", "--note", "two visits");
            waste.AddCommand<SupplierMergeCommand>("merge")
                .WithDescription("Say two published supplier names are one supplier (wins over the algorithm).")
                .WithExample("waste", "merge", "--store", "place.duckdb", "--place", "E08000003", "H F TRUST LTD", "HOMEFARM TRUST LTD");
            waste.AddCommand<SupplierSplitCommand>("split")
                .WithDescription("Say two published supplier names are different suppliers (wins over the algorithm).");
        });
        config.AddBranch("assets", assets =>
        {
            assets.SetDescription("The asset register across partners.");
            assets.AddCommand<AssetsImportCommand>("import")
                .WithDescription("Import a partner's land-and-building register (LGTC layout, CSV or Excel); replaces its previous one.")
                .WithExample("assets", "import", "--store", "place.duckdb", "--place", "E08000003", "--agency", "Manchester City Council", "land-and-buildings.csv");
        });
    }
}
