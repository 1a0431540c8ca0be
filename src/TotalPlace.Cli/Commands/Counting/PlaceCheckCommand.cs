using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Places;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Storage.Counting;

namespace TotalPlace.Cli.Commands.Counting;

/// <summary><c>place check DIR</c>: what importing the package would do and what is missing; stores nothing.</summary>
public sealed class PlaceCheckCommand(IAnsiConsole console) : AsyncCommand<PlaceImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PlaceImportSettings settings, CancellationToken cancellationToken)
    {
        var plan = await new ImportPlacePackage(TimeProvider.System).PlanAsync(settings.Directory, null, Environment.UserName, cancellationToken);
        Render(console, settings.Format, plan, null);
        return plan.CanImport ? ExitCodes.Success : ExitCodes.Rejected;
    }

    internal static void Render(IAnsiConsole console, OutputFormat format, PackagePlan plan, PackageCommitResult? result)
    {
        var files = result?.Files ?? plan.Files;
        if (format == OutputFormat.Json)
        {
            ResultWriter.WriteJson(console, new JsonObject
            {
                ["package"] = plan.Package?.Name,
                ["place"] = plan.Package?.PlaceCode,
                ["year"] = plan.Package?.Year.ToString(),
                ["can_import"] = plan.CanImport,
                ["imported"] = result is not null,
                ["batches_added"] = result?.BatchesAdded,
                ["batches_already_loaded"] = result?.BatchesAlreadyLoaded,
                ["files"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject
                {
                    ["partner"] = f.PartnerKey, ["path"] = f.Path, ["role"] = f.Role, ["period"] = f.Period, ["rows"] = f.RowsLoaded,
                    ["total"] = f.Role == "transactions" ? f.Total : null, ["detail"] = new JsonArray([.. f.Detail.Select(d => (JsonNode)d)]),
                })]),
                ["issues"] = new JsonArray([.. plan.Issues.Select(i => (JsonNode)new JsonObject { ["where"] = i.Where, ["message"] = i.Message, ["error"] = i.IsError })]),
                ["overlaps"] = new JsonArray([.. plan.Overlaps.Select(o => (JsonNode)o)]),
                ["missing"] = new JsonArray([.. plan.Missing.Select(m => (JsonNode)m)]),
            });
            return;
        }

        var table = TabularResult.Create(
            plan.Package is { } p ? $"{p.Name}: {p.PlaceName} ({p.PlaceCode}) {p.Year}" + (result is null ? " — check, nothing stored" : $" — imported: {result.BatchesAdded} file(s) added, {result.BatchesAlreadyLoaded} already loaded") : plan.Directory,
            [new Column("Partner", "partner"), new Column("File", "path"), new Column("Role", "role"), new Column("Period", "period"), new Column("Rows", "rows", ColumnKind.Count), new Column("Lines total", "total", ColumnKind.Money), new Column("Read", "detail")],
            files.Select(f => new object?[] { f.PartnerKey, f.Path, f.Role, f.Period, f.RowsLoaded, f.Role == "transactions" ? f.Total : null, string.Join("; ", f.Detail) }));
        ResultWriter.Write(console, format, table);
        if (format != OutputFormat.Table)
        {
            return;
        }

        foreach (var issue in plan.Issues)
        {
            console.MarkupLineInterpolated($"{(issue.IsError ? "[red]error[/]" : "[yellow]warning[/]")} {issue.ToString()}");
        }

        foreach (var overlap in plan.Overlaps)
        {
            console.MarkupLineInterpolated($"[yellow]overlap[/] {overlap}");
        }

        foreach (var missing in plan.Missing)
        {
            console.MarkupLineInterpolated($"[grey]missing[/] {missing}");
        }
    }
}
