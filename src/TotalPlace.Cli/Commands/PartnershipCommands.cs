using Spectre.Console.Cli;
using TotalPlace.Cli.Commands.Partnership;

namespace TotalPlace.Cli.Commands;

/// <summary>Registers the partnership verbs; each area owns its own registration file.</summary>
internal static class PartnershipCommands
{
    private const string Sample = "samples/offers/gm-working-well.offer.json";

    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch("offer", offer =>
        {
            offer.SetDescription("Offers to government: validate an offer file, share its savings, render the offer, MoU and progress reports.");
            offer.AddCommand<ValidateCommand>("validate")
                .WithDescription("List every problem that stops the offer being submitted, one a line; exit 0 when there is none.")
                .WithExample("offer", "validate", Sample);
            offer.AddCommand<SavingsCommand>("savings")
                .WithDescription("Who gets the savings back each year under the pool's share rule (the \"wrong pocket\").")
                .WithExample("offer", "savings", Sample, "--format", "csv");
            offer.AddCommand<ProgressCommand>("progress")
                .WithDescription("Outcomes against targets with RAG status at the interim report date (or --final).")
                .WithExample("offer", "progress", Sample);
            offer.AddCommand<RenderCommand>("render")
                .WithDescription("Render a document of the offer: --document offer, mou, interim or final.")
                .WithExample("offer", "render", Sample, "--document", "interim", "--format", "html", "--out", "interim.html");
            offer.AddCommand<ReportCommand>("report")
                .WithDescription("Render the offer document (HTML for printing to PDF, or Markdown).")
                .WithExample("offer", "report", Sample, "--format", "html", "--out", "offer.html");
            offer.AddCommand<MouCommand>("mou")
                .WithDescription("Render the memorandum of understanding, ready to sign.")
                .WithExample("offer", "mou", Sample, "--format", "md", "--out", "mou.md");
            offer.AddCommand<SaveCommand>("save")
                .WithDescription("Save an offer file into the store, beside its place.")
                .WithExample("offer", "save", Sample, "--store", "place.duckdb");
            offer.AddCommand<ListCommand>("list")
                .WithDescription("List the offers in the store.")
                .WithExample("offer", "list", "--store", "place.duckdb");
            offer.AddCommand<ShowCommand>("show")
                .WithDescription("Write a stored offer out as an offer file.")
                .WithExample("offer", "show", "gm-working-well-2027", "--store", "place.duckdb", "--place", "E11000001", "--out", "offer.json");
        });
    }
}
