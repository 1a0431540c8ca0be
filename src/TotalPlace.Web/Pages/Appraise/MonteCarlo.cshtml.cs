using Microsoft.AspNetCore.Mvc;
using TotalPlace.Application.Appraisal;
using TotalPlace.Web.Appraisals;
using TotalPlace.Web.Jobs;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Appraise;

/// <summary>A Monte Carlo run started from the appraisal page: its progress while it runs (the page polls its job),
/// then the bands of each output and the workbook with them.</summary>
public sealed class MonteCarloModel(MonteCarloRuns runs, JobQueue jobs) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public MonteCarloRun? Run { get; private set; }

    public JobInfo? Job { get; private set; }

    public DataTable? Bands { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Bands = (await BuildTablesAsync(forExport: false, cancellationToken)).FirstOrDefault();
        return Run is null ? NotFound() : Page();
    }

    /// <summary>The CLI's workbook with the Monte Carlo bands on its Summary sheet.</summary>
    public IActionResult OnGetWorkbook()
    {
        Find();
        return Run?.Result is { } result
            ? File(AppraisalExport.Xlsx(Run.Outcome, result), TableExport.XlsxContentType, AppraisalExport.FileName(Run.Outcome, "-monte-carlo.xlsx"))
            : NotFound();
    }

    protected override Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        Find();
        if (Run?.Result is not { } result || Job?.State != JobState.Succeeded)
        {
            return Task.FromResult<IReadOnlyList<DataTable>>([]);
        }

        var report = MonteCarloReport.From(result);
        IReadOnlyList<DataCell> Row(string name, MonteCarloBands b) =>
            [name, Cell(b.P10), Cell(b.P50), Cell(b.P90), Cell(b.Mean)];
        return Task.FromResult<IReadOnlyList<DataTable>>(
        [
            new DataTable(
                "monte-carlo",
                $"{result.Iterations:N0} draws, seed {result.Seed}: P10, P50 and P90 of each output",
                [new DataColumn("Output"), new DataColumn("P10", CellKind.Number), new DataColumn("P50", CellKind.Number), new DataColumn("P90", CellKind.Number), new DataColumn("Mean", CellKind.Number)],
                [
                    Row("PV costs (£)", report.PvCosts),
                    Row("Fiscal NPV (£)", report.NpvFiscal),
                    Row("Public value NPV (£)", report.NpvPublicValue),
                    Row("Fiscal ROI (£ per £1)", report.RoiFiscal),
                    Row("Public value ROI (£ per £1)", report.RoiPublicValue),
                ]),
        ]);
    }

    private static DataCell Cell(double? value) => new(value is { } v ? (decimal)v : null);

    private void Find()
    {
        if (Run is null && Id is { Length: 32 } id && id.All(char.IsAsciiHexDigitLower))
        {
            // A run is shown only to the person who started it (or an administrator), like its job.
            Job = runs.Find(id) is { } run ? jobs.FindFor(run.JobId, User) : null;
            Run = Job is null ? null : runs.Find(id);
        }
    }
}
