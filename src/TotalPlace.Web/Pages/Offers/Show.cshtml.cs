using Microsoft.AspNetCore.Mvc;
using TotalPlace.Core.Partnership;
using TotalPlace.Storage;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Offers;

/// <summary>One saved offer: its validation issues and how its pool shares savings between the partners.</summary>
public sealed class ShowModel(IPlaceStore store) : TablePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public Offer? Offer { get; private set; }

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

        var issues = OfferValidator.Validate(Offer);
        var tables = new List<DataTable>
        {
            new(
                "issues",
                "Validation issues",
                [new DataColumn("Field"), new DataColumn("Rule"), new DataColumn("Problem")],
                [.. issues.Select(i => (IReadOnlyList<DataCell>)[i.Path, i.Code, i.Message])],
                issues.Count == 0 ? "The offer passes every rule." : null),
        };

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
