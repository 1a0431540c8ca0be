using TotalPlace.Core;
using TotalPlace.Core.Places;
using TotalPlace.Storage;
using TotalPlace.Storage.Counting;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Application.Counting;

/// <summary>What lines were asked for: filters, sort and paging.</summary>
/// <param name="PlaceCode">The place's GSS code, in any case.</param>
/// <param name="Viewer">What the reader may see (<see cref="ReaderVisibility"/>): lines of batches they may not see are
/// never listed.</param>
/// <param name="Sort">One of <see cref="TransactionQuery.SortKeys"/>, in any case.</param>
/// <param name="PageSize">1 to 10,000.</param>
/// <param name="CountedOnly">Only the lines the place map counts (agency-years without statements): what
/// <see cref="FigureExplanation.CountedOnly"/> says to list.</param>
public sealed record TransactionsRequest(
    string PlaceCode,
    Visibility Viewer,
    string? Agency = null,
    string? Theme = null,
    FiscalYear? Year = null,
    string? Search = null,
    string Sort = "date",
    bool Descending = true,
    int PageNumber = 1,
    int PageSize = 50,
    string? Supplier = null,
    long? BatchId = null,
    string? Funding = null,
    bool CountedOnly = false);

/// <summary>Which figure of the dashboard is being explained.</summary>
/// <param name="Year">The figure's financial year (a dashboard figure is always for one year).</param>
/// <param name="AllLines">List every line of the filter, not only those the figure counts.</param>
public sealed record FigureRequest(string PlaceCode, Visibility Viewer, FiscalYear Year, string? Agency = null, string? Theme = null, bool AllLines = false);

/// <summary>What a dashboard figure is made of.</summary>
/// <param name="Total">The figure, exact.</param>
/// <param name="FromStatements">The part from statements (official returns, budgets, outturn, a package's count).</param>
/// <param name="FromLines">The part from published transaction lines.</param>
/// <param name="Lines">How many transaction lines the figure counts.</param>
/// <param name="Statements">The statement lines behind <paramref name="FromStatements"/> (they sum to it); empty when
/// the figure has no statement part.</param>
/// <param name="CountedOnly">List only the lines the figure counts (a figure with statements whose reader did not ask
/// for every line), so what is listed adds up to <paramref name="FromLines"/>.</param>
/// <param name="LinesTotal">The total of the lines to be listed (every page).</param>
/// <param name="HasStatements">Whether the figure counts any statement (its statement part may still net to zero).</param>
public sealed record FigureExplanation(
    decimal Total,
    decimal FromStatements,
    decimal FromLines,
    long Lines,
    IReadOnlyList<CountedStatement> Statements,
    bool CountedOnly,
    decimal LinesTotal,
    bool HasStatements);

/// <summary>The use case "what is behind this figure": the transaction lines of a place, filtered, searched, sorted
/// and paged, each with its batch, file and row; a dashboard figure split into its statements and its lines; the
/// agencies a reader may filter by. Every list counts only what the reader may see. The CLI's <c>transactions</c>,
/// <c>GET api/places/{code}/transactions</c> and the web's Transactions page (with its export) all ask here.</summary>
public sealed class DrillIntoFigure(IPlaceStore store)
{
    /// <summary>The most lines one page may hold.</summary>
    public const int MaxPageSize = 10_000;

    /// <summary>One page of lines.</summary>
    /// <exception cref="MapRequestRefusedException">The place is not in the store, or the sort or page is not one the
    /// store offers.</exception>
    public async Task<Page<TransactionRow>> ListAsync(TransactionsRequest request, CancellationToken cancellationToken)
    {
        var query = await QueryForAsync(request, cancellationToken);
        return await store.Spend.QueryTransactionsAsync(query, cancellationToken);
    }

    /// <summary>Every line of the request up to <paramref name="maxRows"/> (gathered page by page, whatever the
    /// request's paging), for an export; <see cref="Page{T}.TotalCount"/> says how many match in all.</summary>
    public async Task<Page<TransactionRow>> ExportAsync(TransactionsRequest request, int maxRows, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        var query = await QueryForAsync(request with { PageNumber = 1, PageSize = MaxPageSize }, cancellationToken);
        var rows = new List<TransactionRow>();
        long total = 0;
        for (var page = 1; rows.Count < maxRows; page++)
        {
            var result = await store.Spend.QueryTransactionsAsync(query with { PageNumber = page }, cancellationToken);
            total = result.TotalCount;
            rows.AddRange(result.Items.Take(maxRows - rows.Count));
            if (result.Items.Count < MaxPageSize)
            {
                break;
            }
        }

        return new Page<TransactionRow>(rows, 1, rows.Count, total);
    }

    /// <summary>A dashboard figure (place, year, and the agency or theme clicked) split into its statements and its
    /// lines, with which lines to list so that what is listed adds up to what the figure counts.</summary>
    /// <exception cref="MapRequestRefusedException">The place is not in the store.</exception>
    public async Task<FigureExplanation> ExplainAsync(FigureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Viewer);
        var place = await BuildPlaceMap.KnownPlaceAsync(store, request.PlaceCode, cancellationToken);
        var asked = new PlaceMapRequest(place.Code, request.Viewer, [MapDimension.Source], request.Year, request.Agency, request.Theme);
        var map = await store.Spend.MapAsync(BuildPlaceMap.QueryFor(place.Code, asked), cancellationToken);
        var lines = map.Rows.Where(r => r.Source == SourceNames.Transactions).ToList();
        var fromStatements = map.Rows.Where(r => r.Source == SourceNames.Statements).Sum(r => r.Amount);
        var fromLines = lines.Sum(r => r.Amount);
        var count = lines.Sum(r => r.Lines);
        if (!map.Rows.Any(r => r.Source == SourceNames.Statements))
        {
            // Every line of the filter is counted: listing them all lists the figure.
            return new FigureExplanation(map.Total, fromStatements, fromLines, count, [], CountedOnly: false, fromLines, HasStatements: false);
        }

        var statements = await store.Counting.ListCountedStatementsAsync(
            place.Code, request.Year, BuildPlaceMap.Blank(request.Agency), BuildPlaceMap.Blank(request.Theme), request.Viewer, cancellationToken);
        if (!request.AllLines)
        {
            return new FigureExplanation(map.Total, fromStatements, fromLines, count, statements, CountedOnly: true, fromLines, HasStatements: true);
        }

        var every = await store.Spend.MapAsync(BuildPlaceMap.QueryFor(place.Code, asked with { By = [], Source = MapSource.Transactions }), cancellationToken);
        return new FigureExplanation(map.Total, fromStatements, fromLines, count, statements, CountedOnly: false, every.Total, HasStatements: true);
    }

    /// <summary>The place's agencies a reader may filter by: those with a batch the reader may see, and the reader's
    /// own. An agency whose batches are all unpublished is itself something the public has not been told.</summary>
    /// <exception cref="MapRequestRefusedException">The place is not in the store.</exception>
    public async Task<IReadOnlyList<Agency>> VisibleAgenciesAsync(string placeCode, Visibility viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var place = await BuildPlaceMap.KnownPlaceAsync(store, placeCode, cancellationToken);
        var visible = (await store.Spend.ListBatchesAsync(place.Code, viewer, cancellationToken))
            .Select(b => b.Agency)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. (await store.Places.ListAgenciesAsync(place.Code, cancellationToken)).Where(a => visible.Contains(a.Name) || viewer.SeesAgency(place.Code, a.Name))];
    }

    private async Task<TransactionQuery> QueryForAsync(TransactionsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Viewer);
        var sort = request.Sort?.Trim().ToLowerInvariant() ?? "";
        if (!TransactionQuery.SortKeys.Contains(sort, StringComparer.Ordinal))
        {
            throw new MapRequestRefusedException($"'{request.Sort}' is not a sort key; use one of {string.Join(", ", TransactionQuery.SortKeys)}.", MapRefusal.Invalid);
        }

        if (request.PageSize is < 1 or > MaxPageSize || request.PageNumber < 1)
        {
            throw new MapRequestRefusedException($"A page holds 1 to {MaxPageSize:N0} lines and pages count from 1; page {request.PageNumber} of {request.PageSize} lines was asked for.", MapRefusal.Invalid);
        }

        var place = await BuildPlaceMap.KnownPlaceAsync(store, request.PlaceCode, cancellationToken);
        return new TransactionQuery(
            place.Code,
            BuildPlaceMap.Blank(request.Agency),
            BuildPlaceMap.Blank(request.Theme),
            request.Year,
            BuildPlaceMap.Blank(request.Search),
            sort,
            request.Descending,
            request.PageNumber,
            request.PageSize,
            BuildPlaceMap.Blank(request.Supplier),
            request.BatchId,
            BuildPlaceMap.Blank(request.Funding),
            request.Viewer)
        {
            CountedOnly = request.CountedOnly,
        };
    }
}
