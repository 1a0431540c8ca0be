using TotalPlace.Application.Counting;
using TotalPlace.Reports;
using TotalPlace.Reports.Html;
using TotalPlace.Reports.Places;
using TotalPlace.Storage;

namespace TotalPlace.Application.Places;

/// <summary>The use case "board pack of a place": the place map by theme, agency and year from the store, with the
/// store and batches it was made from, as the one-page <see cref="BoardPack"/> document. The CLI's
/// <c>map --format pdf</c> and the dashboard's Download PDF button both call it.</summary>
public static class BoardPackForPlace
{
    /// <summary>The board pack document and its export name (<c>PLACE-YEAR-board-pack.pdf</c>).</summary>
    /// <param name="store">The store to read.</param>
    /// <param name="request">Place, year, filters and source; <see cref="PlaceMapRequest.By"/> is ignored. Its
    /// <see cref="PlaceMapRequest.Viewer"/> limits the lines, and the batches named, to those the reader may see.</param>
    /// <param name="storeName">How the document names the store (never a connection string).</param>
    /// <param name="today">The document's date.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="MapRequestRefusedException">The place is not in the store.</exception>
    public static async Task<(Document Document, string FileName)> BuildAsync(IPlaceStore store, PlaceMapRequest request, string storeName,
        DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        var map = new BuildPlaceMap(store);
        Task<PlaceMap> By(MapDimension by) => map.ExecuteAsync(request with { By = [by] }, cancellationToken);
        var byTheme = await By(MapDimension.Theme);
        var byAgency = await By(MapDimension.Agency);
        var byYear = await By(MapDimension.Year);
        var query = BuildPlaceMap.QueryFor(byTheme.PlaceCode, request);
        // The document names only the batches its reader may see, as its figures count only those.
        var batches = await store.Spend.ListBatchesAsync(query.PlaceCode, request.Viewer, cancellationToken);
        var data = new BoardPackData(
            query.PlaceCode,
            byTheme.PlaceName,
            query.Year?.ToString() ?? "all years",
            query.Source switch
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
        var document = BoardPack.Create(data, today) with { MadeFrom = $"{storeName}, {Batches(batches)}" };
        return (document, ExportNames.For(query.PlaceCode, query.Year, "board pack", "pdf"));
    }

    /// <summary>A DuckDB file by name; a server store without its connection string, which may hold a password.</summary>
    public static string StoreName(string store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) || store.Contains('=', StringComparison.Ordinal)
            ? "the PostgreSQL store"
            : $"store {Path.GetFileName(store)}";
    }

    private static string Batches(IReadOnlyList<ImportBatch> batches) => batches.Count switch
    {
        0 => "no import batches",
        <= 12 => $"import batches {string.Join(", ", batches.OrderBy(b => b.Id).Select(b => $"{b.Id} ({b.FileName})"))}",
        _ => $"{batches.Count} import batches, {batches.Min(b => b.Id)} to {batches.Max(b => b.Id)}",
    };
}
