using Microsoft.AspNetCore.Mvc;
using TotalPlace.Application.Appraisal;
using TotalPlace.Core.Appraisal;
using TotalPlace.Storage;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Proposals;

/// <summary>The proposals saved in the store for a place (or every place), each appraised now from its stored file,
/// with links to start a new one from a template or from scratch.</summary>
public sealed class IndexModel(IPlaceStore store) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    public static IReadOnlyCollection<string> Templates => ProposalTemplates.Names;

    /// <summary>A template's proposal name, as its file gives it.</summary>
    public static string TemplateName(string template)
    {
        using var document = System.Text.Json.JsonDocument.Parse(ProposalTemplates.Get(template));
        return document.RootElement.TryGetProperty("name", out var name) ? name.GetString() ?? template : template;
    }

    public IReadOnlyDictionary<string, DataTable> Tables { get; private set; } = new Dictionary<string, DataTable>();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tables = (await BuildTablesAsync(forExport: false, cancellationToken)).ToDictionary(t => t.Id, StringComparer.Ordinal);

    protected override async Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        var place = string.IsNullOrWhiteSpace(Place) ? null : Place.Trim().ToUpperInvariant();
        var listings = await new ListProposals(store).ExecuteAsync(place, cancellationToken);
        return
        [
            new DataTable(
                "proposals",
                place is null ? "Saved proposals, every place" : $"Saved proposals for {place}",
                [
                    new DataColumn("Proposal"), new DataColumn("Place"), new DataColumn("PV costs", CellKind.Money), new DataColumn("Fiscal NPV", CellKind.Money),
                    new DataColumn("Public value NPV", CellKind.Money), new DataColumn("Payback"), new DataColumn("Offer"), new DataColumn("Saved by"),
                    new DataColumn("File"),
                ],
                [.. listings.Select(l =>
                {
                    var r = l.Appraisal.Result;
                    var code = Uri.EscapeDataString(l.Stored.PlaceCode);
                    var id = Uri.EscapeDataString(l.Stored.Id);
                    return (IReadOnlyList<DataCell>)
                    [
                        new DataCell(l.Stored.Name, $"/Proposals/Edit?place={code}&id={id}"),
                        l.Stored.PlaceCode,
                        new DataCell(r?.PvCosts),
                        new DataCell(r?.NpvFiscal),
                        new DataCell(r?.NpvPublicValue),
                        r is null ? $"Does not appraise: {string.Join("; ", l.Appraisal.Errors)}" : r.PaybackFiscalYear?.ToString() ?? "None within the appraisal",
                        l.Stored.OfferId is { } offer ? new DataCell(offer, $"/Offers/Show?place={code}&id={Uri.EscapeDataString(offer)}") : new DataCell("Not attached"),
                        l.Stored.SavedBy,
                        new DataCell("Download", $"/api/places/{code}/proposals/{id}/file"),
                    ];
                })],
                listings.Count == 0 ? "No proposal is saved yet: start one from a template above, or save one with the CLI (totalplace proposal save FILE)." : null),
        ];
    }
}
