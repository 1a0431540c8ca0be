using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Counting;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Storage;

namespace TotalPlace.Cli.Commands.Spend;

/// <summary>Drill-down: the transaction lines behind a map figure, filtered, searched, sorted and paged.</summary>
public sealed class TransactionsCommand(IAnsiConsole console) : AsyncCommand<TransactionsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TransactionsSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenReadOnlyAsync(settings.StoreOrDefault, cancellationToken);
        var request = new TransactionsRequest(
            settings.Place!,
            ReaderVisibility.LocalUser,
            settings.Agency,
            settings.Theme,
            PlaceOption.ParseYear(settings.Year),
            settings.Search,
            settings.Sort.ToLowerInvariant(),
            Descending: !settings.Ascending,
            PageNumber: settings.Page,
            PageSize: settings.PageSize);
        var page = await new DrillIntoFigure(store).ListAsync(request, cancellationToken);
        ResultWriter.Write(console, settings.Format, ToTable(page));
        return ExitCodes.Success;
    }

    internal static TabularResult ToTable(Page<TransactionRow> page)
    {
        Column[] columns =
        [
            new("Id", "id", ColumnKind.Count, InTable: false),
            new("Date", "date", ColumnKind.Date),
            new("Agency", "agency"),
            new("Supplier", "supplier"),
            new("Amount", "amount", ColumnKind.Money),
            new("Theme", "theme"),
            new("Expense type", "expenseType"),
            new("Expense area", "expenseArea"),
            new("Service code", "serviceCode", InTable: false),
            new("Reference", "reference", InTable: false),
            new("Batch", "batch", ColumnKind.Count, InTable: false),
            new("File", "file", InTable: false),
            new("Row", "row", ColumnKind.Count, InTable: false),
        ];
        var rows = page.Items.Select(t => new object?[]
        {
            t.Id, t.Date, t.Agency, t.Supplier, t.Amount, t.Theme, t.ExpenseType, t.ExpenseArea, t.ServiceCode, t.Reference, t.BatchId, t.FileName, t.SourceRow,
        });
        var pages = page.PageSize == 0 ? 0 : (page.TotalCount + page.PageSize - 1) / page.PageSize;
        var footer = $"Page {page.PageNumber} of {Formats.Count(Math.Max(pages, 1))}; {Formats.Count(page.TotalCount)} matching lines";
        return TabularResult.Create("Transactions", columns, rows, footer);
    }
}
