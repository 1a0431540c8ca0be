using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TotalPlace.Storage;
using TotalPlace.Storage.Audit;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Audit;

/// <summary>The audit trail: every change to the store, newest first, filtered by place, person, action and dates;
/// exports (CSV, Excel) hold every matching entry, not just the page shown.</summary>
[Authorize(Roles = "Administrator,Board")]
public sealed class IndexModel(IPlaceStore store) : TablePageModel
{
    public const int PageSize = 50;

    /// <summary>The actions offered in the filter, in the order people look for them.</summary>
    public static readonly string[] Actions =
    [
        AuditActions.BatchImported, AuditActions.BatchDeleted, AuditActions.BatchPublished, AuditActions.BatchUnpublished,
        AuditActions.PlaceReclassified, AuditActions.RuleAdded, AuditActions.PlaceCreated, AuditActions.PlaceUpdated,
        AuditActions.AgencyCreated, AuditActions.AgencyUpdated, AuditActions.ThemeAdded, AuditActions.ThemeRenamed,
        AuditActions.OfferCreated, AuditActions.OfferUpdated, AuditActions.OfferActualRecorded,
        AuditActions.WasteAnalysed, AuditActions.FindingReviewed, AuditActions.SupplierDecided, AuditActions.AssetsReplaced,
        AuditActions.UserCreated, AuditActions.UserChanged, AuditActions.UserRemoved,
    ];

    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    /// <summary>First day shown (inclusive, UTC).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Last day shown (inclusive, UTC).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Core.Places.Place> Places { get; private set; } = [];

    public IReadOnlyList<string> Actors { get; private set; } = [];

    public DataTable? Table { get; private set; }

    public long TotalCount { get; private set; }

    public string? Problem { get; private set; }

    public int PageCount => (int)Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Table = (await BuildTablesAsync(forExport: false, cancellationToken)).FirstOrDefault();

    /// <summary>This page's address with the same filters and another page number.</summary>
    public string Link(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["place"] = Place,
            ["actor"] = Actor,
            ["action"] = Action,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
        };
        return "/Audit" + Microsoft.AspNetCore.Http.QueryString.Create(query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    protected override async Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        Places = await store.Places.ListPlacesAsync(cancellationToken);
        var audit = store.Audit;
        Actors = await audit.ListActorsAsync(cancellationToken);
        if (From is { } from && To is { } to && from > to)
        {
            Problem = "The first day must not be after the last day.";
            return [];
        }

        PageNumber = Math.Max(1, PageNumber);
        var query = new AuditQuery(
            PlaceCode: string.IsNullOrWhiteSpace(Place) ? null : Place,
            Actor: string.IsNullOrWhiteSpace(Actor) ? null : Actor,
            Action: string.IsNullOrWhiteSpace(Action) ? null : Action,
            Since: From is { } since ? new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            Until: To is { } until ? new DateTimeOffset(until.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            PageNumber: PageNumber,
            PageSize: PageSize);
        var entries = new List<AuditEntry>();
        if (forExport)
        {
            // Every matching entry, a page of the largest size at a time.
            for (var page = 1; ; page++)
            {
                var chunk = await audit.QueryAuditAsync(query with { PageNumber = page, PageSize = AuditQuery.MaxPageSize }, cancellationToken);
                entries.AddRange(chunk.Items);
                TotalCount = chunk.TotalCount;
                if (chunk.Items.Count < AuditQuery.MaxPageSize)
                {
                    break;
                }
            }
        }
        else
        {
            var result = await audit.QueryAuditAsync(query, cancellationToken);
            entries.AddRange(result.Items);
            TotalCount = result.TotalCount;
        }

        var first = forExport ? 1 : ((PageNumber - 1) * PageSize) + 1;
        var note = entries.Count == 0
            ? "No entries match."
            : $"Entries {first:N0}–{first + entries.Count - 1:N0} of {TotalCount:N0}, newest first";
        return
        [
            new DataTable(
                "audit",
                "Audit trail, newest first",
                [
                    new DataColumn("When (UTC)", CellKind.Date),
                    new DataColumn("Who"),
                    new DataColumn("Action"),
                    new DataColumn("Place"),
                    new DataColumn("Agency"),
                    new DataColumn("Subject"),
                    new DataColumn("What happened"),
                    new DataColumn("Details"),
                ],
                [.. entries.Select(e => (IReadOnlyList<DataCell>)
                [
                    new DataCell(e.At),
                    e.Actor,
                    e.Action,
                    e.PlaceCode,
                    e.Agency,
                    SubjectCell(e),
                    e.Summary,
                    e.Details,
                ])],
                note),
        ];
    }

    private static DataCell SubjectCell(AuditEntry e) =>
        e.SubjectKind == AuditSubjects.Batch && long.TryParse(e.SubjectId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new DataCell($"{e.SubjectKind} {e.SubjectId}", $"/Batches/Detail?id={id}")
            : $"{e.SubjectKind} {e.SubjectId}";
}
