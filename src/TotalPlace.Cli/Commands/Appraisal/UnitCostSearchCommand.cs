using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Cli.Commands.Appraisal;

/// <summary>Searches the Unit Cost Database by description, agency and theme.</summary>
public sealed class UnitCostSearchCommand(IAnsiConsole console) : Command<UnitCostSearchSettings>
{
    public override int Execute(CommandContext context, UnitCostSearchSettings settings, CancellationToken cancellationToken)
    {
        var found = UnitCostDatabase.UcdV14.Search(settings.Text).Take(Math.Max(1, settings.Limit)).ToList();
        if (settings.Format == "json")
        {
            ResultWriter.WriteJson(console, new JsonArray(found.Select(e => (JsonNode)UnitCostJson.Create(e)).ToArray()));
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]Unit costs matching '{Markup.Escape(settings.Text)}'[/] [grey]({UnitCostDatabase.UcdV14Edition})[/]")
            .AddColumn("Code").AddColumn("Description").AddColumn("Agency").AddColumn(new TableColumn("Fiscal").RightAligned())
            .AddColumn(new TableColumn("Economic").RightAligned()).AddColumn(new TableColumn("Social").RightAligned()).AddColumn("RAG");
        foreach (var e in found)
        {
            table.AddRow(Markup.Escape(e.Code), Markup.Escape(e.Description), Markup.Escape(e.Agency), UnitCostJson.Cell(e.Fiscal),
                UnitCostJson.Cell(e.Economic), UnitCostJson.Cell(e.Social), Markup.Escape(e.Confidence));
        }

        console.Write(table);
        console.MarkupLine($"[grey]{found.Count.ToString(CultureInfo.InvariantCulture)} shown. {Markup.Escape(UnitCostDatabase.UcdV14Attribution)}[/]");
        return ExitCodes.Success;
    }
}
