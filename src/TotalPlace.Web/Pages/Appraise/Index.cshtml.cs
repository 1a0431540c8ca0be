using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using TotalPlace.Core.Appraisal;
using TotalPlace.Web.Appraisals;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Appraise;

/// <summary>The business case for a preventive proposal: a built-in template (by GET, so exports work) or an
/// uploaded proposal JSON (read in memory; nothing is written to disk).</summary>
[RequestSizeLimit(AppraisalOutcome.MaxProposalBytes + (64 * 1024))]
public sealed class IndexModel : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "Template")]
    public string? Template { get; set; }

    [BindProperty]
    [Display(Name = "Proposal file (JSON)")]
    public IFormFile? Upload { get; set; }

    public static IReadOnlyCollection<string> Templates => ProposalTemplates.Names;

    public AppraisalResult? Result { get; private set; }

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
        Tables = Show(AppraisalOutcome.Evaluate(json)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        return Page();
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
        return Task.FromResult(Show(AppraisalOutcome.Evaluate(ProposalTemplates.Get(Template))));
    }

    private IReadOnlyList<DataTable> Show(AppraisalOutcome outcome)
    {
        Result = outcome.Result;
        Errors = outcome.Errors;
        if (Result is not { } result)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return [];
        }

        return
        [
            new DataTable(
                "years",
                $"Costs and benefits by year ({result.PriceBase})",
                [
                    new DataColumn("Year"), new DataColumn("t", CellKind.Number), new DataColumn("Costs", CellKind.Money),
                    new DataColumn("Fiscal benefits", CellKind.Money), new DataColumn("of which cashable", CellKind.Money),
                    new DataColumn("Economic", CellKind.Money), new DataColumn("Social", CellKind.Money),
                    new DataColumn("Discount factor"), new DataColumn("Discounted fiscal net", CellKind.Money),
                    new DataColumn("Cumulative discounted fiscal net", CellKind.Money),
                ],
                [.. result.Years.Select(y => (IReadOnlyList<DataCell>)
                [
                    y.FiscalYear.ToString(), y.T, y.Costs, y.Fiscal, y.FiscalCashable, y.Economic, y.Social,
                    new DataCell(Math.Round(y.DiscountFactor, 4)), y.DiscountedFiscalNet, y.CumulativeDiscountedFiscalNet,
                ])]),
            new DataTable(
                "by-agency",
                "Who pays and who benefits (present values)",
                [
                    new DataColumn("Agency"), new DataColumn("PV costs", CellKind.Money), new DataColumn("PV fiscal benefits", CellKind.Money),
                    new DataColumn("of which cashable", CellKind.Money), new DataColumn("Net", CellKind.Money),
                ],
                [.. result.ByAgency.Select(a => (IReadOnlyList<DataCell>)[a.Agency, a.PvCosts, a.PvFiscalBenefits, a.PvFiscalCashable, a.NetFiscal])]),
        ];
    }
}
