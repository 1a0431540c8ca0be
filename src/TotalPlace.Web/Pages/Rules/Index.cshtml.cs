using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;
using TotalPlace.Storage.Rules;
using TotalPlace.Web.Dashboard;
using TotalPlace.Web.Security;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Rules;

/// <summary>A place's classification rules in the browser: the list in order, move a rule up or down, try a new rule
/// against the stored lines ("this rule would move £3.2m from unclassified to housing"), add it, and re-classify.
/// Every change goes through the store, which writes the audit trail; the same rules the CLI's <c>rules</c> verbs edit.</summary>
public sealed class IndexModel(IPlaceStore store) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    [BindProperty]
    public ClassificationField Field { get; set; } = ClassificationField.ExpenseType;

    [BindProperty]
    public ClassificationMatch Match { get; set; } = ClassificationMatch.Contains;

    [BindProperty]
    [StringLength(500)]
    public string? Pattern { get; set; }

    [BindProperty]
    public string? Theme { get; set; }

    [BindProperty]
    [Range(0, 10_000)]
    public int Priority { get; set; } = ClassificationRule.UserPriority;

    [BindProperty]
    [StringLength(500)]
    public string? Note { get; set; }

    public IReadOnlyList<PlaceSummary> Places { get; private set; } = [];

    public IReadOnlyList<Theme> Themes { get; private set; } = [];

    public IReadOnlyList<ClassificationRule> Rules { get; private set; } = [];

    public RulePreview? Preview { get; private set; }

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public bool CanEdit => User.RoleOf() == UserRole.Administrator;

    public IReadOnlyDictionary<string, DataTable> Tables { get; private set; } = new Dictionary<string, DataTable>();

    public string ThemeName(string code) => Themes.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase))?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Message = done;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (Guard() is { } refused)
        {
            return refused;
        }

        if (ReadRule() is { } rule)
        {
            try
            {
                Preview = await store.Rules.PreviewRuleAsync(Place!, rule, cancellationToken);
            }
            catch (ArgumentException ex)
            {
                Problem = ex.Message;
            }
        }

        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (Guard() is { } refused)
        {
            return refused;
        }

        if (ReadRule() is not { } rule)
        {
            return await ShowAsync(cancellationToken);
        }

        try
        {
            await store.Places.AddRuleAsync(Place!, rule, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            Problem = ex.Message;
            return await ShowAsync(cancellationToken);
        }

        return RedirectToPage(new { place = Place, done = "The rule was added. Stored lines keep their themes until you re-classify." });
    }

    public async Task<IActionResult> OnPostMoveAsync(int ruleNo, bool earlier, CancellationToken cancellationToken)
    {
        if (Guard() is { } refused)
        {
            return refused;
        }

        try
        {
            await store.Rules.MoveRuleAsync(Place!, ruleNo, earlier, cancellationToken);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            Problem = ex.Message.Split(" (Parameter", 2)[0];
            return await ShowAsync(cancellationToken);
        }

        return RedirectToPage(null, null, new { place = Place, done = $"Rule {ruleNo} moved {(earlier ? "up" : "down")}." }, $"rule-{(earlier ? ruleNo - 1 : ruleNo + 1)}");
    }

    public async Task<IActionResult> OnPostReclassifyAsync(CancellationToken cancellationToken)
    {
        if (Guard() is { } refused)
        {
            return refused;
        }

        var result = await store.Places.ReclassifyAsync(Place!, cancellationToken);
        return RedirectToPage(new
        {
            place = Place,
            done = $"Re-classified: {Labels.Count(result.Changed, "line")} of {Labels.Count(result.Lines, "line")} changed theme.",
        });
    }

    protected override async Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        Places = (await store.Places.ListPlacesAsync(cancellationToken)).Select(p => new PlaceSummary(p.Code, p.Name, null)).ToList();
        Themes = await store.Places.ListThemesAsync(cancellationToken);
        Place = string.IsNullOrWhiteSpace(Place) ? Places.FirstOrDefault()?.Code : Place.Trim().ToUpperInvariant();
        if (Place is null || !Places.Any(p => p.Code == Place))
        {
            return [];
        }

        Rules = await store.Places.ListRulesAsync(Place, cancellationToken);
        return
        [
            new DataTable(
                "rules",
                $"Classification rules of {Place}, in list order",
                [new DataColumn("No.", CellKind.Number), new DataColumn("Field"), new DataColumn("Match"), new DataColumn("Pattern"), new DataColumn("Theme"), new DataColumn("Priority", CellKind.Number), new DataColumn("Note")],
                [.. Rules.Select((r, i) => (IReadOnlyList<DataCell>)[i + 1, Labels.Humanize(r.Field), Labels.Humanize(r.Match), r.Pattern, ThemeName(r.Theme), r.Priority, r.Note])],
                "The place has no rules: every line is unclassified."),
        ];
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Tables = (await BuildTablesAsync(forExport: false, cancellationToken)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        if (Places.Count > 0 && Tables.Count == 0)
        {
            return NotFound();
        }

        return Page();
    }

    private IActionResult? Guard()
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        return string.IsNullOrWhiteSpace(Place) ? BadRequest() : null;
    }

    private ClassificationRule? ReadRule()
    {
        if (string.IsNullOrWhiteSpace(Pattern) || string.IsNullOrWhiteSpace(Theme) || !ModelState.IsValid)
        {
            Problem = "A rule needs a pattern and a theme (and a priority from 0 to 10,000).";
            return null;
        }

        try
        {
            var rule = new ClassificationRule(Field, Match, Pattern.Trim(), Theme.Trim(), Priority, Note?.Trim() ?? "");
            _ = new ClassificationRules([rule]);
            return rule;
        }
        catch (ArgumentException ex)
        {
            Problem = ex.Message;
            return null;
        }
    }
}
