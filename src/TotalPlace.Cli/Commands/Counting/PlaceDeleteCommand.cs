using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Places;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Storage;

namespace TotalPlace.Cli.Commands.Counting;

/// <summary><c>place delete CODE --confirm CODE</c>: deletes a place created by mistake with everything it holds, in
/// one transaction, on the audit trail (<c>place.deleted</c>). One line says what was removed.</summary>
/// <remarks>Exit codes: 0 deleted; 2 the code is not a GSS code, or --confirm is missing or does not repeat it
/// (nothing deleted; the line says what would be); 3 there is no such place; 4 and 5 as for every verb (the store
/// could not be opened, or stayed busy).</remarks>
public sealed class PlaceDeleteCommand(IAnsiConsole console) : AsyncCommand<PlaceDeleteSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PlaceDeleteSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: true, cancellationToken);
        var result = await new DeletePlace(store).ExecuteAsync(new DeletePlaceRequest(settings.Code, settings.Confirm), cancellationToken);
        var exit = result.Status switch
        {
            DeletePlaceStatus.Deleted => ExitCodes.Success,
            DeletePlaceStatus.NotFound => ExitCodes.Rejected,
            _ => ExitCodes.Usage,
        };
        if (!result.IsDeleted)
        {
            var message = result is { Status: DeletePlaceStatus.NotConfirmed, Contents: { } would }
                ? $"nothing was deleted: place {would.PlaceCode} ({would.PlaceName}) holds {would.Describe()}; to delete it, run again with --confirm {would.PlaceCode}."
                : result.Message;
            throw new CliException(message, exit);
        }

        if (settings.Format == OutputFormat.Json)
        {
            ResultWriter.WriteJson(console, Json(result.Contents!));
        }
        else if (settings.Format == OutputFormat.Csv)
        {
            var contents = result.Contents!;
            ResultWriter.Write(
                console,
                settings.Format,
                TabularResult.Create(
                    $"Deleted place {contents.PlaceCode}",
                    [new Column("Table", "table"), new Column("Rows", "rows", ColumnKind.Count)],
                    contents.Rows.Select(r => new object?[] { r.Key, r.Value })));
        }
        else
        {
            console.WriteLine(result.Message);
        }

        return exit;
    }

    private static JsonObject Json(PlaceContents contents)
    {
        var rows = new JsonObject();
        foreach (var (table, count) in contents.Rows)
        {
            rows[table] = count;
        }

        return new JsonObject
        {
            ["outcome"] = "deleted",
            ["place"] = contents.PlaceCode,
            ["name"] = contents.PlaceName,
            ["batches"] = contents.Batches,
            ["transaction_lines"] = contents.TransactionLines,
            ["transactions_total"] = contents.TransactionsTotal,
            ["statement_lines"] = contents.StatementLines,
            ["statements_total"] = contents.StatementsTotal,
            ["rows"] = rows,
            ["accounts_naming_place"] = contents.AccountsNamingPlace,
            ["summary"] = DeletePlace.DeletedMessage(contents),
        };
    }
}
