using Microsoft.AspNetCore.Mvc;
using TotalPlace.Core.Waste;
using TotalPlace.Storage;
using TotalPlace.Storage.Waste;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Waste;

/// <summary>Ranked waste findings for a place: the ones last saved (by the CLI's <c>waste</c> verb or this page), and
/// a button that runs the analysis again.</summary>
public sealed class IndexModel(IPlaceStore store, TimeProvider clock) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    public IReadOnlyList<WasteFinding> Findings { get; private set; } = [];

    public IReadOnlyDictionary<string, DataTable> Tables { get; private set; } = new Dictionary<string, DataTable>();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tables = (await BuildTablesAsync(forExport: false, cancellationToken)).ToDictionary(t => t.Id, StringComparer.Ordinal);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Place))
        {
            ModelState.AddModelError(nameof(Place), "Give the place's GSS code.");
            return Page();
        }

        await WasteRun.RunAsync(store.Waste, Place.Trim(), clock.GetUtcNow(), progress: null, cancellationToken);
        return RedirectToPage(new { place = Place.Trim() });
    }

    /// <summary>Records a reviewer's decision on one finding (confirmed, false positive, or open again); the store
    /// keeps it and applies it on this and every later run.</summary>
    public async Task<IActionResult> OnPostDecideAsync(string? key, ReviewState? state, string? note, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Place) || string.IsNullOrWhiteSpace(key) || state is null || !Enum.IsDefined(state.Value))
        {
            return BadRequest(new ProblemDetails { Title = "Incomplete decision", Detail = "A decision needs the place, the finding's key and a state (Open, Confirmed or FalsePositive)." });
        }

        var waste = store.Waste;
        var place = Place.Trim();
        var findings = await waste.ListFindingsAsync(place, cancellationToken);
        if (!findings.Any(f => string.Equals(f.Key, key, StringComparison.Ordinal)))
        {
            return NotFound(new ProblemDetails { Title = "No such finding", Detail = $"{place} has no saved finding '{key}'." });
        }

        var by = User.Identity?.Name is { Length: > 0 } name ? name : "web";
        await waste.RecordDecisionAsync(place, new FindingDecision(key, state.Value, by, clock.GetUtcNow(), string.IsNullOrWhiteSpace(note) ? null : note.Trim()), cancellationToken);
        return RedirectToPage(null, null, new { place }, "review");
    }

    protected override async Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Place))
        {
            return [];
        }

        Findings = await store.Waste.ListFindingsAsync(Place.Trim(), cancellationToken);
        return
        [
            new DataTable(
                "findings",
                $"Waste findings for {Place.Trim()}, largest money at stake first",
                [new DataColumn("Rank", CellKind.Number), new DataColumn("Finding"), new DataColumn("Kind"), new DataColumn("Money at stake", CellKind.Money), new DataColumn("State"), new DataColumn("Explanation")],
                [.. Findings.Select((f, i) => (IReadOnlyList<DataCell>)[i + 1, f.Title, Dashboard.Labels.Humanize(f.Kind), f.MoneyAtStake, Dashboard.Labels.Humanize(f.State), string.Join(" ", f.Explanation)])],
                Findings.Count == 0 ? "No findings saved yet: run the analysis." : null),
        ];
    }
}
