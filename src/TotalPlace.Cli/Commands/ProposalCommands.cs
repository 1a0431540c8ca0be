using Spectre.Console.Cli;
using TotalPlace.Cli.Commands.Proposals;

namespace TotalPlace.Cli.Commands;

/// <summary>Registers the proposal verbs: proposals kept in the store (made in the web app's proposal editor or saved
/// here), reachable while the web app runs on the same store.</summary>
internal static class ProposalCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch("proposal", proposal =>
        {
            proposal.SetDescription("Proposals kept in the store: list them with their figures, show one's business case, export or save a proposal file.");
            proposal.AddCommand<ProposalListCommand>("list")
                .WithDescription("List the proposals in the store, each appraised now from its stored file.")
                .WithExample("proposal", "list", "--store", "place.duckdb");
            proposal.AddCommand<ProposalShowCommand>("show")
                .WithDescription("Show a stored proposal's headline figures and who pays and who benefits.")
                .WithExample("proposal", "show", "jsa-claimants-into-work", "--store", "place.duckdb", "--place", "E11000001");
            proposal.AddCommand<ProposalExportCommand>("export")
                .WithDescription("Write a stored proposal out as a proposal file (what `appraise` reads).")
                .WithExample("proposal", "export", "jsa-claimants-into-work", "--store", "place.duckdb", "--place", "E11000001", "--out", "proposal.json");
            proposal.AddCommand<ProposalSaveCommand>("save")
                .WithDescription("Save a proposal file into the store beside a place (it must appraise).")
                .WithExample("proposal", "save", "samples/proposals/jsa-claimants-into-work.json", "--store", "place.duckdb", "--place", "E11000001");
        });
    }
}
