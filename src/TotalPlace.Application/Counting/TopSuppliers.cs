using TotalPlace.Core;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Application.Counting;

/// <summary>What a supplier breakdown was asked for: one figure of the map (place, year, agency, theme, funding).</summary>
/// <param name="Count">How many suppliers to name, 1 to 1,000.</param>
public sealed record TopSuppliersRequest(
    string PlaceCode,
    Visibility Viewer,
    FiscalYear? Year = null,
    string? Agency = null,
    string? Theme = null,
    string? Funding = null,
    int Count = 20);

/// <summary>The suppliers behind one figure, and the rest of it.</summary>
/// <param name="Total">The figure: the map's total for the request's filters (statements where an agency-year has
/// them, otherwise lines).</param>
/// <param name="Suppliers">The suppliers paid most in the figure's lines, largest first.</param>
public sealed record SupplierBreakdown(decimal Total, IReadOnlyList<SupplierTotal> Suppliers)
{
    /// <summary>The suppliers paid a positive net amount (a box of a chart cannot be negative).</summary>
    public IReadOnlyList<SupplierTotal> Paid => [.. Suppliers.Where(s => s.Amount > 0)];

    /// <summary>The figure less the suppliers in <see cref="Paid"/>: smaller suppliers, credits, and statements (which
    /// name no supplier), so the named suppliers and the rest add up to the figure exactly.</summary>
    public decimal Rest => Total - Paid.Sum(s => s.Amount);
}

/// <summary>The use case "who was paid in this figure": the suppliers paid most within one figure of the map and what
/// is left of it, counting only what the reader may see. The dashboard treemap's deepest level
/// (<c>GET api/places/{code}/treemap/suppliers</c>) shows it.</summary>
public sealed class TopSuppliers(IPlaceStore store)
{
    /// <summary>The most suppliers one request may name.</summary>
    public const int MaxCount = 1_000;

    /// <exception cref="MapRequestRefusedException">The place is not in the store, or the count is out of range.</exception>
    public async Task<SupplierBreakdown> ExecuteAsync(TopSuppliersRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Count is < 1 or > MaxCount)
        {
            throw new MapRequestRefusedException($"Ask for 1 to {MaxCount:N0} suppliers, not {request.Count:N0}.", MapRefusal.Invalid);
        }

        var place = await BuildPlaceMap.KnownPlaceAsync(store, request.PlaceCode, cancellationToken);
        var query = BuildPlaceMap.QueryFor(place.Code, new PlaceMapRequest(place.Code, request.Viewer, [], request.Year, request.Agency, request.Theme, request.Funding));
        var total = (await store.Spend.MapAsync(query, cancellationToken)).Total;
        var suppliers = await store.Spend.TopSuppliersAsync(query, request.Count, cancellationToken);
        return new SupplierBreakdown(total, suppliers);
    }
}
