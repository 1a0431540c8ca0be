using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Cli.Commands.Appraisal;

/// <summary>Shows one Unit Cost Database entry in full, with its source and comment.</summary>
public sealed class UnitCostShowCommand(IAnsiConsole console) : Command<UnitCostShowSettings>
{
    public override int Execute(CommandContext context, UnitCostShowSettings settings, CancellationToken cancellationToken)
    {
        var e = UnitCostDatabase.UcdV14.Find(settings.Code)
            ?? throw new CliException($"unit cost '{settings.Code}' is not in {UnitCostDatabase.UcdV14Edition}; try: totalplace unit-costs search WORDS", ExitCodes.Usage);
        if (settings.Format == "json")
        {
            ResultWriter.WriteJson(console, UnitCostJson.Create(e));
            return ExitCodes.Success;
        }

        var grid = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(e.Code)}[/] [grey]({Markup.Escape(e.Edition)})[/]")
            .AddColumn("Field").AddColumn("Value");
        grid.AddRow("Description", Markup.Escape(e.Description));
        grid.AddRow("Unit", Markup.Escape(e.Unit));
        grid.AddRow("Theme", Markup.Escape($"{e.Theme}: {e.Category}"));
        grid.AddRow("Agency", Markup.Escape(e.AgencyDetail.Length == 0 ? e.Agency : $"{e.Agency} / {e.AgencyDetail}"));
        grid.AddRow("Fiscal", UnitCostJson.Cell(e.Fiscal));
        grid.AddRow("Economic", UnitCostJson.Cell(e.Economic));
        grid.AddRow("Social", UnitCostJson.Cell(e.Social));
        grid.AddRow("RAG rating", Markup.Escape(e.Confidence));
        grid.AddRow("Source", Markup.Escape(e.Source));
        grid.AddRow("Comment", Markup.Escape(e.Comment));
        console.Write(grid);
        console.MarkupLine($"[grey]{Markup.Escape(UnitCostDatabase.UcdV14Attribution)}[/]");
        return ExitCodes.Success;
    }
}
