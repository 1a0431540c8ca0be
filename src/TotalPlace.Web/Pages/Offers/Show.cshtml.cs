using Microsoft.AspNetCore.Mvc;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Tracking;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;
using TotalPlace.Web.Dashboard;
using TotalPlace.Web.Security;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Offers;

/// <summary>One saved offer: its validation issues and how its pool shares savings between the partners.</summary>
public sealed class ShowModel(IPlaceStore store, TimeProvider clock) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public Offer? Offer { get; private set; }

    /// <summary>Each outcome's progress today: latest actual, progress against the straight-line trajectory, RAG.</summary>
    public ProgressReport? Progress { get; private set; }

    public string? Problem { get; private set; }

    public bool CanEdit => User.RoleOf() is UserRole.Administrator or UserRole.Board;

    /// <summary>Records an outcome's measured value on a date (the CLI's <c>offer progress</c> reads it).</summary>
    public async Task<IActionResult> OnPostActualAsync(string? outcome, decimal? value, DateOnly? date, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(Place) || string.IsNullOrWhiteSpace(Id))
        {
            return BadRequest();
        }

        if (string.IsNullOrWhiteSpace(outcome) || value is null || date is null)
        {
            Problem = "An actual needs the outcome, the value measured and the date it was measured.";
            return await OnGetAsync(cancellationToken);
        }

        try
        {
            await store.Partnership.RecordActualAsync(Place, Id, new OutcomeActual(outcome, value.Value, date.Value), cancellationToken);
        }
        catch (PartnershipDomainException ex)
        {
            Problem = ex.Message;
            return await OnGetAsync(cancellationToken);
        }

        return RedirectToPage(null, null, new { place = Place, id = Id }, "progress");
    }

    public string? NoDistribution { get; private set; }

    public IReadOnlyDictionary<string, DataTable> Tables { get; private set; } = new Dictionary<string, DataTable>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Tables = (await BuildTablesAsync(forExport: false, cancellationToken)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        return Offer is null ? NotFound() : Page();
    }

    protected override async Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Place) || string.IsNullOrWhiteSpace(Id))
        {
            return [];
        }

        Offer = await store.Partnership.LoadOfferAsync(Place, Id, cancellationToken);
        if (Offer is null)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Progress = OutcomeTracker.Report(Offer, ReportKind.Interim, today);
        var issues = TotalPlace.Application.Partnership.ValidateOffer.Check(Offer);
        var tables = new List<DataTable>
        {
            new(
                "issues",
                "Validation issues",
                [new DataColumn("Field"), new DataColumn("Rule"), new DataColumn("Problem")],
                [.. issues.Select(i => (IReadOnlyList<DataCell>)[i.Path, i.Code, i.Message])],
                issues.Count == 0 ? "The offer passes every rule." : null),
        };

        tables.Add(new DataTable(
            "progress",
            $"Outcomes on {today:d MMMM yyyy}: latest actual against the straight line from baseline to target",
            [
                new DataColumn("Outcome"), new DataColumn("Indicator"), new DataColumn("Unit"), new DataColumn("Baseline", CellKind.Number),
                new DataColumn("Target", CellKind.Number), new DataColumn("Target date", CellKind.Date), new DataColumn("Latest actual", CellKind.Number),
                new DataColumn("Measured", CellKind.Date), new DataColumn("Progress", CellKind.Percent), new DataColumn("Expected by now", CellKind.Percent), new DataColumn("RAG"),
            ],
            [.. Progress.Outcomes.Select(o => (IReadOnlyList<DataCell>)
            [
                o.Outcome.Name, o.Outcome.Indicator, o.Outcome.Unit, new DataCell(o.Outcome.Baseline?.Value), new DataCell(o.Outcome.Target?.Value),
                new DataCell(o.Outcome.Target?.Date), new DataCell(o.Latest?.Value), new DataCell(o.Latest?.Date),
                new DataCell(o.Progress), o.Expected, Labels.Humanize(o.Status),
            ])],
            Progress.Outcomes.Count == 0 ? "The offer has no outcomes yet." : null));

        try
        {
            var distribution = SavingsDistributor.Distribute(Offer);
            tables.Add(new DataTable(
                "savings",
                $"Savings share (total {distribution.Total})",
                [
                    new DataColumn("Year"), new DataColumn("Partner"), new DataColumn("Savings accrue", CellKind.Money),
                    new DataColumn("Receives", CellKind.Money), new DataColumn("Transfer", CellKind.Money),
                ],
                [.. distribution.Lines.Select(l => (IReadOnlyList<DataCell>)
                [
                    l.Year.ToString(), l.Partner, l.Accrues.Pounds, l.Receives.Pounds, l.Transfer.Pounds,
                ])]));
        }
        catch (PartnershipDomainException ex)
        {
            NoDistribution = ex.Message;
        }

        return tables;
    }
}
