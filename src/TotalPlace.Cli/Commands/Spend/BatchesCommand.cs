using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Storage;

namespace TotalPlace.Cli.Commands.Spend;

/// <summary>The provenance list: every import batch, newest first, with its file, hash, rows and total.</summary>
public sealed class BatchesCommand(IAnsiConsole console) : AsyncCommand<BatchesSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BatchesSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenReadOnlyAsync(settings.StoreOrDefault, cancellationToken);
        var place = settings.Place is null ? null : PlaceOption.Normalise(settings.Place);
        var batches = await store.Spend.ListBatchesAsync(place, cancellationToken);
        ResultWriter.Write(console, settings.Format, ToTable(batches));
        if (settings.Rejects)
        {
            ResultWriter.Write(console, settings.Format, RejectsTable(batches));
        }

        return ExitCodes.Success;
    }

    internal static TabularResult ToTable(IReadOnlyList<ImportBatch> batches)
    {
        Column[] columns =
        [
            new("Batch", "id", ColumnKind.Count),
            new("Place", "place"),
            new("Agency", "agency"),
            new("Kind", "kind"),
            new("File", "file"),
            new("SHA-256", "sha256", InTable: false),
            new("Read", "rowsRead", ColumnKind.Count),
            new("Loaded", "rowsLoaded", ColumnKind.Count),
            new("Rejected", "rowsRejected", ColumnKind.Count),
            new("Total", "total", ColumnKind.Money),
            new("Imported by", "importedBy", InTable: false),
            new("Imported at (UTC)", "importedAt"),
        ];
        var rows = batches.Select(b => new object?[]
        {
            b.Id, b.PlaceCode, b.Agency, b.Kind, b.FileName, b.Sha256, b.RowsRead, b.RowsLoaded, b.RowsRejected, b.Total,
            b.ImportedBy, b.ImportedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        });
        var footer = $"{Formats.Count(batches.Count)} batch{(batches.Count == 1 ? string.Empty : "es")}, {Formats.Count(batches.Sum(b => (long)b.RowsLoaded))} rows loaded, {Formats.Money(batches.Sum(b => b.Total))}";
        return TabularResult.Create("Import batches", columns, rows, footer);
    }

    internal static TabularResult RejectsTable(IReadOnlyList<ImportBatch> batches)
    {
        Column[] columns =
        [
            new("Batch", "batch", ColumnKind.Count),
            new("File", "file"),
            new("Row", "row", ColumnKind.Count),
            new("Column", "column"),
            new("Value", "value"),
            new("Problem", "problem"),
        ];
        var rows = batches.SelectMany(b => b.Rejects.Select(r => new object?[] { b.Id, b.FileName, r.Row, r.Column, r.Value, r.Message }));
        return TabularResult.Create("Rows left out", columns, rows);
    }
}
