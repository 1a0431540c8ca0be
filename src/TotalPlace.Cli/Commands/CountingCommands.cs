using Spectre.Console.Cli;
using TotalPlace.Cli.Commands.Counting;

namespace TotalPlace.Cli.Commands;

/// <summary>Registers the counting verbs: place packages and reconciliation.</summary>
internal static class CountingCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch("place", place =>
        {
            place.SetDescription("Place packages: a place, its partners with their shares, and every file by role.");
            place.AddCommand<PlaceImportCommand>("import")
                .WithDescription("Import a whole place package in one atomic step; re-running adds nothing.")
                .WithExample("place", "import", "../shared/data/places/hyndburn-2023-24", "--store", "place.duckdb");
            place.AddCommand<PlaceCheckCommand>("check")
                .WithDescription("Say what importing a package would do and what is missing; stores nothing.")
                .WithExample("place", "check", "../shared/data/places/hyndburn-2023-24");
            place.AddCommand<PlaceDeleteCommand>("delete")
                .WithDescription("Delete a place created by mistake with everything it holds (batches, lines, statements, findings, offers, proposals…), in one audited step.")
                .WithExample("place", "delete", "E06000099", "--confirm", "E06000099", "--store", "place.duckdb");
        });
        config.AddCommand<ReconcileCommand>("reconcile")
            .WithDescription("A place counted both ways: per partner, outturn beside lines, coverage and reasons, flows between partners taken out, and the count ledger.")
            .WithExample("reconcile", "--store", "place.duckdb", "--place", "E07000120", "--year", "2023-24", "--format", "json");
    }
}
