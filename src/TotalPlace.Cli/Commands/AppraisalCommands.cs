using Spectre.Console.Cli;
using TotalPlace.Cli.Commands.Appraisal;

namespace TotalPlace.Cli.Commands;

/// <summary>Registers the appraisal verbs; each area owns its own registration file.</summary>
internal static class AppraisalCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddCommand<AppraiseCommand>("appraise")
            .WithDescription("Appraise a proposal: costs, benefits, NPV, ROI, payback, who pays and who benefits.")
            .WithExample("appraise", "samples/proposals/jsa-claimants-into-work.json")
            .WithExample("appraise", "samples/proposals/neet-into-construction.json", "--monte-carlo", "100000", "--seed", "7")
            .WithExample("appraise", "--template", "neet-construction");
        config.AddBranch("unit-costs", branch =>
        {
            branch.SetDescription("Search and show the Unit Cost Database v1.4 (New Economy / GMCA Research, CC BY 4.0).");
            branch.AddCommand<UnitCostSearchCommand>("search").WithDescription("Find unit costs by words in description, agency or theme.");
            branch.AddCommand<UnitCostShowCommand>("show").WithDescription("Show one unit cost entry in full.");
        });
        config.AddCommand<FundCommand>("fund")
            .WithDescription("Choose the proposals a fund should back within its yearly budget and partner limits.")
            .WithExample("fund", "samples/proposals/jsa-claimants-into-work.json", "samples/proposals/neet-into-construction.json", "--budget", "400000");
    }
}
