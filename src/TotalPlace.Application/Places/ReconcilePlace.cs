using TotalPlace.Core;
using TotalPlace.Core.Counting;
using TotalPlace.Core.Spending;
using TotalPlace.Storage;
using TotalPlace.Storage.Counting;

namespace TotalPlace.Application.Places;

/// <summary>The use case "reconcile a place": gathers each partner's statements and lines for the year from the store
/// and reconciles them (<see cref="Reconciler"/>), with flows between partners found and taken out.</summary>
public static class ReconcilePlace
{
    /// <summary>The place counted both ways, or null when no package was imported for the place and year.</summary>
    public static async Task<PlaceCount?> RunAsync(IPlaceStore store, string placeCode, FiscalYear year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var counts = store.Counting;
        var package = await counts.FindPackageAsync(placeCode, year, cancellationToken);
        if (package is null)
        {
            return null;
        }

        var partners = await counts.ListPartnersAsync(placeCode, year, cancellationToken);
        var statements = await counts.ListOfficialStatementsAsync(placeCode, year, cancellationToken);
        var lines = await counts.SummariseLinesAsync(placeCode, year, cancellationToken);
        var place = await store.Places.FindPlaceAsync(placeCode, cancellationToken);
        var payments = await counts.ListSupplierPaymentsAsync(placeCode, year, cancellationToken);
        return Compute(placeCode, place?.Name ?? placeCode, year, package.Population ?? place?.PopulationFor(year), partners, statements, lines, payments);
    }

    /// <summary>Reconciles a place from what is known of it: the one computation behind <c>reconcile</c>, the dashboard
    /// and the top-down figures a package import writes into the map, so none of them can differ.</summary>
    public static PlaceCount Compute(
        string placeCode, string placeName, FiscalYear year, long? population, IReadOnlyList<StoredPartner> partners,
        IReadOnlyList<OfficialStatement> statements, IReadOnlyList<PartnerLines> partnerLines, IReadOnlyList<SupplierPayments> payments)
    {
        ArgumentNullException.ThrowIfNull(partners);
        var lines = partnerLines.ToDictionary(l => l.PartnerKey, StringComparer.Ordinal);
        var counted = partners.Select(p => Counted(p, statements, lines.GetValueOrDefault(p.Key), year)).ToList();
        var identities = partners.Select(p => new PartnerIdentity(p.Key, p.Name,
            [.. p.Aliases, .. statements.Where(s => p.Code is not null && string.Equals(s.BodyCode, p.Code, StringComparison.OrdinalIgnoreCase)).Select(s => s.BodyName).Distinct()], [])).ToList();
        var flows = InterPartnerFlowFinder.Find(identities, partners.ToDictionary(p => p.Key, p => p.Share, StringComparer.Ordinal), payments,
            counted.Where(c => c.OutturnGross is not null).Select(c => c.Key).ToHashSet(StringComparer.Ordinal),
            counted.Where(c => c.TransactionsTotal is not null).Select(c => c.Key).ToHashSet(StringComparer.Ordinal));
        return Reconciler.Reconcile(placeCode, placeName, year, population, counted, flows);
    }

    private static CountedPartner Counted(StoredPartner p, IReadOnlyList<OfficialStatement> statements, PartnerLines? lines, FiscalYear year)
    {
        var mine = statements.Where(s => s.IsTotal && p.Code is not null && string.Equals(s.BodyCode, p.Code, StringComparison.OrdinalIgnoreCase)).ToList();
        OfficialStatement? Total(string ret, StatementMeasure measure, StatementKind kind) =>
            mine.FirstOrDefault(s => s.Return == ret && s.Measure == measure && s.Kind == kind);
        var gross = Total("RSX", StatementMeasure.Gross, StatementKind.Outturn);
        var net = Total("RS", StatementMeasure.Net, StatementKind.Outturn) ?? Total("RSX", StatementMeasure.Net, StatementKind.Outturn);
        return new CountedPartner
        {
            Key = p.Key,
            Name = p.Name,
            Code = p.Code,
            Share = p.Share,
            OutturnGross = gross?.Amount,
            OutturnNet = net?.Amount,
            OutturnIncome = Total("RSX", StatementMeasure.Income, StatementKind.Outturn)?.Amount,
            OutturnEmployees = Total("RSX", StatementMeasure.Employees, StatementKind.Outturn)?.Amount,
            BudgetNet = Total("RA", StatementMeasure.Net, StatementKind.Budget)?.Amount,
            OutturnSource = gross is null ? null : $"{gross.Return} {gross.Year}, row {gross.SourceRow}, {gross.LineCode}",
            TransactionsTotal = lines?.Total,
            TransactionLines = lines?.Lines ?? 0,
            Months = lines is null ? MonthsLoaded.None(year) : MonthsLoaded.From(year, lines.Months),
            OutOfYearLines = lines?.OutOfYearLines ?? 0,
            OutOfYearTotal = lines?.OutOfYearTotal ?? 0m,
            Threshold = p.Threshold,
            Missing = p.Missing,
        };
    }
}
