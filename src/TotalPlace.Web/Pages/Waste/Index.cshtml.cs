using Microsoft.AspNetCore.Mvc;
using TotalPlace.Application.Waste;
using TotalPlace.Core.Waste;
using TotalPlace.Storage;
using TotalPlace.Storage.Waste;
using TotalPlace.Web.Jobs;
using TotalPlace.Web.Security;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Waste;

/// <summary>Ranked waste findings for a place: the ones last saved (by the CLI's <c>waste</c> verb or this page), and
/// a button that runs the analysis again in the background (the page shows its progress, then the new findings).</summary>
public sealed class IndexModel(IPlaceStore store, RunWasteAnalysis analysis, ReviewWasteFinding review, JobQueue jobs) : TablePageModel
{
    /// <summary>A waste run started from this page, whose progress or outcome the page shows.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Job { get; set; }

    /// <summary>That run, when the reader may see it (who started it, or an administrator).</summary>
    public JobInfo? Run { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    /// <summary>Only this kind of finding.</summary>
    [BindProperty(SupportsGet = true)]
    public FindingKind? Kind { get; set; }

    /// <summary>Only findings concerning this partner.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Partner { get; set; }

    /// <summary>Only duplicates scoring at least this (0 to 1).</summary>
    [BindProperty(SupportsGet = true)]
    public double? MinScore { get; set; }

    /// <summary>Only findings with at least this much money at stake.</summary>
    [BindProperty(SupportsGet = true)]
    public decimal? MinMoney { get; set; }

    /// <summary>Only findings in this review state (false positives are hidden otherwise).</summary>
    [BindProperty(SupportsGet = true)]
    public ReviewState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public WasteFindingSort Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public const int PageSize = 50;

    /// <summary>The page of findings shown (the store filters, sorts and pages them).</summary>
    public IReadOnlyList<WasteFinding> Findings { get; private set; } = [];

    /// <summary>How many findings match the filters, over every page.</summary>
    public long TotalCount { get; private set; }

    /// <summary>The current filters as route values, for the pager's links.</summary>
    public Dictionary<string, string?> FilterRoute(int page) => new(StringComparer.Ordinal)
    {
        ["place"] = Place,
        ["kind"] = Kind?.ToString(),
        ["partner"] = Partner,
        ["minScore"] = MinScore?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["minMoney"] = MinMoney?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["state"] = State?.ToString(),
        ["sort"] = Sort.ToString(),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public IReadOnlyDictionary<string, DataTable> Tables { get; private set; } = new Dictionary<string, DataTable>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Job))
        {
            Run = jobs.FindFor(Job, User);
            if (Run is null)
            {
                return NotFound();
            }

            if (!Run.IsFinished)
            {
                // While the run works the page shows its progress only: the findings it will replace are stale.
                return Page();
            }
        }

        Tables = (await BuildTablesAsync(forExport: false, cancellationToken)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The use case refuses an unknown place (a mistyped code never creates one) and a reader who does not see the
        // whole place, before anything is queued.
        var request = new RunWasteAnalysisRequest(Place ?? "", User.VisibilityOf(), User.Identity?.Name);
        string place;
        try
        {
            place = await analysis.CheckAsync(request, cancellationToken);
        }
        catch (WasteRequestRefusedException ex) when (ex.Reason != WasteRefusal.NotPlaceWide)
        {
            ModelState.AddModelError(nameof(Place), ex.Message);
            if (ex.Reason == WasteRefusal.NotFound)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return Page();
        }
        catch (WasteRequestRefusedException)
        {
            return Forbid();
        }

        // The run reads every line of the place, which takes a minute on a million lines: it goes on the store's job
        // lane (it saves the findings) and the page follows its progress, so the request returns at once.
        var job = jobs.Enqueue($"Waste analysis for {place}", async (progress, ct) =>
        {
            var result = await analysis.ExecuteAsync(request with { PlaceCode = place }, new SynchronousProgress<WasteRunProgress>(p => progress.Report((p.Fraction, p.Message))), ct);
            return new JobOutcome(result.Summary, $"/Waste?place={Uri.EscapeDataString(place)}");
        });
        return RedirectToPage(new { place, job = job.Id });
    }

    /// <summary>Records a reviewer's decision on one finding (confirmed, false positive, or open again); the store
    /// keeps it and applies it on this and every later run.</summary>
    public async Task<IActionResult> OnPostDecideAsync(string? key, ReviewState? state, string? note, CancellationToken cancellationToken)
    {
        if (state is null)
        {
            return BadRequest(new ProblemDetails { Title = "Incomplete decision", Detail = "A decision needs the place, the finding's key and a state (Open, Confirmed or FalsePositive)." });
        }

        // A hand-typed "e10000008" is the place E10000008, as on every other handler; the redirect shows it so too.
        Place = Place is null ? null : TotalPlace.Core.Places.Place.NormaliseCode(Place);
        try
        {
            await review.ExecuteAsync(new ReviewWasteFindingRequest(Place ?? "", key ?? "", state.Value, note, User.Identity?.Name is { Length: > 0 } name ? name : null), cancellationToken);
        }
        catch (WasteRequestRefusedException ex) when (ex.Reason == WasteRefusal.NotFound)
        {
            return NotFound(new ProblemDetails { Title = "No such finding", Detail = ex.Message });
        }
        catch (WasteRequestRefusedException ex)
        {
            return BadRequest(new ProblemDetails { Title = "Incomplete decision", Detail = ex.Message });
        }

        // Back to the same page of the same filters, at the review table. The decision's own "state" field also binds to
        // the State filter on this post, so the filter is read again from the query string the form was posted to.
        State = Enum.TryParse<ReviewState>(Request.Query["state"].ToString(), ignoreCase: true, out var shown) && Enum.IsDefined(shown) ? shown : null;
        return RedirectToPage(null, null, new Microsoft.AspNetCore.Routing.RouteValueDictionary(FilterRoute(Math.Max(1, PageNumber))), "review");
    }

    protected override async Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Place))
        {
            return [];
        }

        var query = new WasteFindingQuery
        {
            Kind = Kind,
            Partner = string.IsNullOrWhiteSpace(Partner) ? null : Partner.Trim(),
            MinScore = MinScore,
            MinMoney = MinMoney,
            State = State,
            Sort = Sort,
            IncludeRejected = forExport,
            PageNumber = forExport ? 1 : Math.Max(1, PageNumber),
            PageSize = forExport ? 0 : PageSize,
        };
        Place = TotalPlace.Core.Places.Place.NormaliseCode(Place);
        var page = await store.Waste.ListFindingsAsync(Place, query, cancellationToken);
        Findings = page.Items;
        TotalCount = page.TotalCount;
        return [forExport ? ExportTable(Findings) : ShownTable(Findings, page)];
    }

    private DataTable ShownTable(IReadOnlyList<WasteFinding> findings, Page<WasteFinding> page) => new(
        "findings",
        $"Waste findings for {Place!.Trim()}: {page.TotalCount:N0} match, page {page.PageNumber} of {Math.Max(1, (page.TotalCount + PageSize - 1) / PageSize):N0}",
        [new DataColumn("Rank", CellKind.Number), new DataColumn("Finding"), new DataColumn("Kind"), new DataColumn("Score"), new DataColumn("Money at stake", CellKind.Money), new DataColumn("Spend concerned", CellKind.Money), new DataColumn("State"), new DataColumn("Explanation")],
        [.. findings.Select((f, i) => (IReadOnlyList<DataCell>)[((page.PageNumber - 1) * PageSize) + i + 1, f.Title, Dashboard.Labels.Humanize(f.Kind), ScoreText(f), f.MoneyAtStake, f.SpendConcerned is { } spend ? spend : null, Dashboard.Labels.Humanize(f.State), string.Join(" ", f.Explanation)])],
        findings.Count == 0 ? "No findings saved yet, or none match the filters: run the analysis or widen the filters." : null);

    /// <summary>One row a finding with both lines of a duplicate side by side, for working through in a spreadsheet.</summary>
    private DataTable ExportTable(IReadOnlyList<WasteFinding> findings)
    {
        string[] side = ["Partner", "File", "Row", "Date", "Amount", "Supplier", "Invoice number", "Transaction number"];
        var columns = new List<DataColumn> { new("Rank", CellKind.Number), new("Key"), new("Kind"), new("Finding"), new("Score"), new("Money at stake", CellKind.Money), new("Spend concerned", CellKind.Money), new("Assumption"), new("State"), new("Note") };
        foreach (var which in new[] { "First", "Second" })
        {
            columns.AddRange(side.Select(h => new DataColumn($"{which} line: {h}", h == "Amount" ? CellKind.Money : h == "Row" ? CellKind.Number : CellKind.Text)));
        }

        columns.Add(new DataColumn("Explanation"));
        return new DataTable(
            "findings",
            $"Waste findings for {Place!.Trim()}, one row a finding",
            columns,
            [.. findings.Select((f, i) =>
            {
                var cells = new List<DataCell> { i + 1, f.Key, f.Kind.ToString(), f.Title, ScoreText(f), f.MoneyAtStake, f.SpendConcerned is { } spend ? spend : null, f.Assumption, f.State.ToString(), f.Note };
                for (var n = 0; n < 2; n++)
                {
                    var line = n < f.Lines.Count ? f.Lines[n] : null;
                    cells.AddRange(line is null
                        ? Enumerable.Repeat<DataCell>(null, side.Length)
                        : [line.Agency, line.File, line.Row, line.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), line.Amount, line.Supplier, line.InvoiceNumber, line.TransactionNumber]);
                }

                cells.Add(string.Join(" ", f.Explanation));
                return (IReadOnlyList<DataCell>)cells;
            })],
            findings.Count == 0 ? "No findings saved yet: run the analysis." : null);
    }

    private static string? ScoreText(WasteFinding f) => f.Score?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
