using Microsoft.AspNetCore.Mvc;
using TotalPlace.Application.Counting;
using TotalPlace.Core;
using TotalPlace.Core.Places;
using TotalPlace.Storage;
using TotalPlace.Web.Dashboard;
using TotalPlace.Web.Security;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages;

/// <summary>Drill-down to the published lines: search, sort, paging, each line linked to its batch, file and row.</summary>
public sealed class TransactionsModel(IPlaceStore store, DashboardService dashboard) : TablePageModel
{
    /// <summary>The most lines one export holds (the file stays openable in Excel, whose sheets stop at 1,048,576 rows).</summary>
    public const int MaxExportRows = 100_000;

    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Theme { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "date";

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; } = true;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public long? Batch { get; set; }

    /// <summary>List every published line of the filter, not only those the dashboard figure counts.</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    /// <summary>The dashboard figure this drill-down explains (place, year and the agency or theme filter), when it
    /// has one: its total, and the parts from statements and from lines.</summary>
    public (decimal Total, decimal FromStatements, decimal FromLines, long Lines)? Figure { get; private set; }

    /// <summary>The statement lines behind the part of the figure that comes from statements.</summary>
    public DataTable? StatementTable { get; private set; }

    /// <summary>The total of the lines listed (every page), when it can be told.</summary>
    public decimal? LinesTotal { get; private set; }

    /// <summary>True when the lines listed are only those counted in the figure (the agency-years without statements).</summary>
    public bool CountedOnly { get; private set; }

    public IReadOnlyList<PlaceSummary> Places { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public IReadOnlyList<Theme> Themes { get; private set; } = [];

    public Page<TransactionRow>? Result { get; private set; }

    public DataTable? Table { get; private set; }

    public string? Problem { get; private set; }

    public const int PageSize = 50;

    public int PageCount => Result is null ? 0 : (int)Math.Max(1, (Result.TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Table = (await BuildTablesAsync(forExport: false, cancellationToken)).FirstOrDefault();

    /// <summary>The page's own URL with some query values changed (for sort headers and the pager).</summary>
    public string Link(string? sort = null, bool? desc = null, int? page = null, bool keepBatch = true)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["place"] = Place,
            ["agency"] = Agency,
            ["theme"] = Theme,
            ["year"] = Year,
            ["search"] = Search,
            ["batch"] = keepBatch ? Batch?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["all"] = All ? "true" : null,
            ["sort"] = sort ?? Sort,
            ["desc"] = (desc ?? Desc) ? "true" : "false",
            ["page"] = (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return "/Transactions" + QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value))).ToUriComponent();
    }

    protected override async Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        Places = await dashboard.ListPlacesAsync(cancellationToken);
        if (Places.Count == 0)
        {
            return [];
        }

        Place = string.IsNullOrWhiteSpace(Place) ? Places[0].Code : Place;
        try
        {
            return await BuildTablesForPlaceAsync(forExport, cancellationToken);
        }
        catch (MapRequestRefusedException refused)
        {
            return Fail(refused.Reason == MapRefusal.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, refused.Message);
        }
    }

    private async Task<IReadOnlyList<DataTable>> BuildTablesForPlaceAsync(bool forExport, CancellationToken cancellationToken)
    {
        var drill = new DrillIntoFigure(store);
        Agencies = await drill.VisibleAgenciesAsync(Place!, User.VisibilityOf(), cancellationToken);
        Themes = await store.Places.ListThemesAsync(cancellationToken);
        FiscalYear? year = null;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (!FiscalYear.TryParse(Year, out var parsed))
            {
                return Fail(StatusCodes.Status400BadRequest, $"'{Year}' is not a financial year; write it as 2024-25.");
            }

            year = parsed;
        }

        if (!TransactionQuery.SortKeys.Contains(Sort, StringComparer.Ordinal))
        {
            Sort = "date";
        }

        PageNumber = Math.Max(1, PageNumber);
        if (!forExport && year is not null && Batch is null && string.IsNullOrWhiteSpace(Search))
        {
            await ExplainFigureAsync(drill, year.Value, cancellationToken);
        }

        var request = new TransactionsRequest(
            Place!,
            User.VisibilityOf(),
            Agency,
            Theme,
            year,
            Search,
            Sort,
            Desc,
            PageNumber,
            PageSize,
            BatchId: Batch,
            CountedOnly: CountedOnly);
        Result = forExport ? await drill.ExportAsync(request, MaxExportRows, cancellationToken) : await drill.ListAsync(request, cancellationToken);
        var themeNames = Core.Places.Theme.Defaults.Concat(Themes).GroupBy(t => t.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Name, StringComparer.OrdinalIgnoreCase);
        var shown = forExport
            ? $"{Result.Items.Count:N0} of {Result.TotalCount:N0} lines"
            : $"Lines {((PageNumber - 1) * PageSize) + Math.Min(1, Result.Items.Count):N0}–{((PageNumber - 1) * PageSize) + Result.Items.Count:N0} of {Result.TotalCount:N0}";
        return
        [
            new DataTable(
                "transactions",
                "Transaction lines",
                [
                    new DataColumn("Date", CellKind.Date, "date"),
                    new DataColumn("Agency", SortKey: "agency"),
                    new DataColumn("Supplier", SortKey: "supplier"),
                    new DataColumn("Amount", CellKind.Money, "amount"),
                    new DataColumn("Theme", SortKey: "theme"),
                    new DataColumn("Expense type", SortKey: "expense_type"),
                    new DataColumn("Expense area", SortKey: "expense_area"),
                    new DataColumn("Service code", SortKey: "service_code"),
                    new DataColumn("Reference", SortKey: "reference"),
                    new DataColumn("Source file and row", SortKey: "batch"),
                ],
                [.. Result.Items.Select(t => (IReadOnlyList<DataCell>)
                [
                    new DataCell(t.Date),
                    t.Agency,
                    t.Supplier,
                    t.Amount,
                    themeNames.GetValueOrDefault(t.Theme, t.Theme),
                    t.ExpenseType,
                    t.ExpenseArea,
                    t.ServiceCode,
                    t.Reference,
                    new DataCell($"{t.FileName} row {t.SourceRow}", $"/Batches/Detail?id={t.BatchId}&row={t.SourceRow}"),
                ])],
                shown),
        ];
    }

    // A figure from the dashboard may come from statements (an official return, a package's top-down count), from
    // lines, or both. The page says which, lists the statements behind the statement part with their total, and lists
    // only the lines the figure counts, so what is listed adds up to the figure clicked.
    private async Task ExplainFigureAsync(DrillIntoFigure drill, FiscalYear year, CancellationToken cancellationToken)
    {
        var figure = await drill.ExplainAsync(new FigureRequest(Place!, User.VisibilityOf(), year, Agency, Theme, All), cancellationToken);
        Figure = (figure.Total, figure.FromStatements, figure.FromLines, figure.Lines);
        LinesTotal = figure.LinesTotal;
        CountedOnly = figure.CountedOnly;
        if (!figure.HasStatements)
        {
            return;
        }

        var statements = figure.Statements;
        var themeNames = Core.Places.Theme.Defaults.Concat(Themes).GroupBy(t => t.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Name, StringComparer.OrdinalIgnoreCase);
        StatementTable = new DataTable(
            "statements",
            "Statements behind this figure",
            [
                new DataColumn("Agency"), new DataColumn("Service line"), new DataColumn("Theme"), new DataColumn("Kind"),
                new DataColumn("Amount", CellKind.Money), new DataColumn("Source"),
            ],
            [.. statements.Select(st => (IReadOnlyList<DataCell>)
            [
                st.Agency, st.Service, themeNames.GetValueOrDefault(st.Theme, st.Theme), Labels.Humanize(st.Kind), st.Amount,
                new DataCell(st.SourceRow > 0 ? $"{st.FileName}, row {st.SourceRow}" : st.FileName, $"/Batches/Detail?id={st.BatchId}"),
            ])],
            $"{statements.Count:N0} statement lines totalling {CellFormat.Display(statements.Sum(st => st.Amount), CellKind.Money)}");
    }

    private DataTable[] Fail(int status, string problem)
    {
        Problem = problem;
        Response.StatusCode = status;
        return [];
    }
}
