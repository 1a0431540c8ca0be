using Spectre.Console;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Reports;
using TotalPlace.Reports.Places;
using TotalPlace.Storage;

namespace TotalPlace.Cli.Commands.Spend;

/// <summary><c>map --format pdf</c>: the one-page board pack of the place map, with the store and batches it was made from.</summary>
internal static class BoardPackCommand
{
    public static async Task<int> WriteAsync(IAnsiConsole console, IPlaceStore store, string placeCode, MapSettings settings, CancellationToken cancellationToken)
    {
        var year = PlaceOption.ParseYear(settings.Year);
        MapQuery Query(MapDimension by) => new(placeCode, [by], year, settings.Agency, settings.Theme, settings.Funding, settings.Source);
        var byTheme = await store.MapAsync(Query(MapDimension.Theme), cancellationToken);
        var byAgency = await store.MapAsync(Query(MapDimension.Agency), cancellationToken);
        var byYear = await store.MapAsync(Query(MapDimension.Year), cancellationToken);
        var batches = await store.ListBatchesAsync(placeCode, cancellationToken);
        var data = new BoardPackData(
            placeCode,
            byTheme.PlaceName,
            settings.Year ?? "all years",
            settings.Source switch
            {
                MapSource.Statements => "statements (budgets and outturn) only",
                MapSource.Transactions => "published spend lines only",
                _ => "statements where an agency-year has them, otherwise its published spend lines",
            },
            byTheme.Total,
            byTheme.Lines,
            byTheme.Population,
            byTheme.Rows.Select(r => new BoardPackLine(r.ThemeName ?? r.Theme ?? "(unclassified)", r.Amount, r.Lines)).ToList(),
            byAgency.Rows.Select(r => new BoardPackLine(r.Agency ?? "(no agency)", r.Amount, r.Lines)).ToList(),
            byYear.Rows.OrderBy(r => r.Year?.StartYear ?? 0).Select(r => new BoardPackLine(r.Year?.ToString() ?? "(no year)", r.Amount, r.Lines)).ToList());
        var document = BoardPack.Create(data, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime)) with
        {
            MadeFrom = $"{StoreName(settings.StoreOrDefault)}, {Batches(batches)}",
        };
        var name = ExportNames.For(placeCode, year, "board pack", "pdf");
        return await DocumentOutput.WriteAsync(console, document, DocumentFileFormat.Pdf, settings.Out, name, cancellationToken);
    }

    /// <summary>A DuckDB file by name; a server store without its connection string, which may hold a password.</summary>
    private static string StoreName(string store) =>
        store.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) || store.Contains('=', StringComparison.Ordinal)
            ? "the PostgreSQL store"
            : $"store {Path.GetFileName(store)}";

    private static string Batches(IReadOnlyList<ImportBatch> batches) => batches.Count switch
    {
        0 => "no import batches",
        <= 12 => $"import batches {string.Join(", ", batches.OrderBy(b => b.Id).Select(b => $"{b.Id} ({b.FileName})"))}",
        _ => $"{batches.Count} import batches, {batches.Min(b => b.Id)} to {batches.Max(b => b.Id)}",
    };
}
