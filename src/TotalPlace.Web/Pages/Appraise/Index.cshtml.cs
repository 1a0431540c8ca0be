using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using TotalPlace.Application.Appraisal;
using TotalPlace.Core.Appraisal;
using TotalPlace.Reports.Appraisal;
using TotalPlace.Web.Appraisals;
using TotalPlace.Web.Documents;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Appraise;

/// <summary>The business case for a preventive proposal: a built-in template (by GET, so exports work) or an
/// uploaded proposal JSON (read in memory; nothing is written to disk). The proposal travels back in a hidden field
/// for the downloads and the Monte Carlo run, so they work for uploads too.</summary>
[RequestSizeLimit(AppraisalOutcome.MaxProposalBytes + (64 * 1024))]
public sealed class IndexModel(MonteCarloRuns runs, TimeProvider clock) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Template")]
    public string? Template { get; set; }

    [BindProperty]
    [Display(Name = "Proposal file (JSON)")]
    public IFormFile? Upload { get; set; }

    /// <summary>The proposal JSON shown, sent back by the download and Monte Carlo forms.</summary>
    [BindProperty]
    public string? ProposalJson { get; set; }

    [BindProperty]
    [Display(Name = "Draws")]
    public int Iterations { get; set; } = 10_000;

    [BindProperty]
    [Display(Name = "Seed")]
    public ulong Seed { get; set; } = 1;

    public static IReadOnlyCollection<string> Templates => ProposalTemplates.Names;

    public AppraisalResult? Result { get; private set; }

    public AppraisalOutcome? Outcome { get; private set; }

    public IReadOnlyList<ProposalError> Errors { get; private set; } = [];

    public string? Source { get; private set; }

    public IReadOnlyDictionary<string, DataTable> Tables { get; private set; } = new Dictionary<string, DataTable>();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tables = (await BuildTablesAsync(forExport: false, cancellationToken)).ToDictionary(t => t.Id, StringComparer.Ordinal);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a proposal JSON file to upload; the one given is empty.");
            return Page();
        }

        if (Upload.Length > AppraisalOutcome.MaxProposalBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"A proposal file may be at most {AppraisalOutcome.MaxProposalBytes / 1024} KB.");
            return Page();
        }

        string json;
        using (var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8))
        {
            json = await reader.ReadToEndAsync(cancellationToken);
        }

        Template = null;
        Source = Path.GetFileName(Upload.FileName);
        Tables = Show(json).ToDictionary(t => t.Id, StringComparer.Ordinal);
        return Page();
    }

    /// <summary>The appraisal summary with its charts as a PDF (format=pdf, the CLI's <c>appraise --pdf</c>), the workbook
    /// (format=xlsx) or one table as CSV (format=csv&amp;table=ID) of the proposal sent back.</summary>
    public async Task<IActionResult> OnPostDownloadAsync(string? format, string? table, CancellationToken cancellationToken)
    {
        var outcome = FromHiddenField();
        if (outcome?.Result is null)
        {
            return BadRequest(new ProblemDetails { Title = "No valid proposal", Detail = "Appraise a proposal first; the download carries it back." });
        }

        if (string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase))
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(ProposalJson!)))[..12];
            var document = AppraisalDocument.Create(outcome.Result, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), outcome.Tornado) with
            {
                MadeFrom = $"the proposal appraised on the web page (SHA-256 {hash})",
            };
            return await DocumentDownload.PdfAsync(document, AppraisalExport.FileName(outcome, $"-{outcome.Result.Proposal.StartYear}-appraisal-summary.pdf"), cancellationToken);
        }

        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return File(AppraisalExport.Xlsx(outcome), TableExport.XlsxContentType, AppraisalExport.FileName(outcome, ".xlsx"));
        }

        return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) && AppraisalExport.Csv(outcome, table ?? "") is { } csv
            ? File(csv, TableExport.CsvContentType, AppraisalExport.FileName(outcome, $"-{table}.csv"))
            : BadRequest(new ProblemDetails { Title = "Unknown download", Detail = $"Use format=xlsx, or format=csv with table={string.Join(", ", AppraisalTables.Ids)}." });
    }

    /// <summary>Queues the Monte Carlo simulation of the proposal sent back and shows its progress page.</summary>
    public IActionResult OnPostMonteCarlo()
    {
        var outcome = FromHiddenField();
        if (outcome?.Proposal is null)
        {
            return BadRequest(new ProblemDetails { Title = "Nothing to simulate", Detail = "The proposal needs an \"uncertainty\" list (distributions on inputs)." });
        }

        MonteCarloRun run;
        try
        {
            run = runs.Start(outcome, Iterations, Seed);
        }
        catch (MonteCarloRefusedException ex)
        {
            return BadRequest(new ProblemDetails { Title = ex.Field == "uncertainty" ? "Nothing to simulate" : "Too many or too few draws", Detail = ex.Message });
        }

        return RedirectToPage("MonteCarlo", new { id = run.Id });
    }

    protected override Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Template))
        {
            return Task.FromResult<IReadOnlyList<DataTable>>([]);
        }

        if (!Templates.Contains(Template, StringComparer.OrdinalIgnoreCase))
        {
            Errors = [new ProposalError("template", $"There is no template '{Template}'; choose one of {string.Join(", ", Templates)}.")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.FromResult<IReadOnlyList<DataTable>>([]);
        }

        Source = $"template {Template}";
        return Task.FromResult(Show(ProposalTemplates.Get(Template)));
    }

    private AppraisalOutcome? FromHiddenField() =>
        string.IsNullOrWhiteSpace(ProposalJson) || ProposalJson.Length > AppraisalOutcome.MaxProposalBytes ? null : AppraisalOutcome.Evaluate(ProposalJson);

    private IReadOnlyList<DataTable> Show(string json)
    {
        var outcome = AppraisalOutcome.Evaluate(json);
        Outcome = outcome;
        Result = outcome.Result;
        Errors = outcome.Errors;
        if (Result is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return [];
        }

        ProposalJson = json;
        return AppraisalTables.Build(outcome);
    }
}
