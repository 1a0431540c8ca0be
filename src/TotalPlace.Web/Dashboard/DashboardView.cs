using TotalPlace.Core;
using TotalPlace.Storage;

namespace TotalPlace.Web.Dashboard;

/// <summary>Everything the place dashboard shows, for one place and one financial year.</summary>
/// <param name="Total">The place's total for the year, exact to the penny.</param>
/// <param name="PerHead">Pounds per resident, unrounded; null when the population is unknown.</param>
/// <param name="TopSuppliers">The suppliers paid most in the year's published spend lines.</param>
/// <param name="Unclassified">Spend no rule has classified yet; part of <paramref name="Total"/>, shown as such.</param>
public sealed record DashboardView(
    PlaceSummary Place,
    FiscalYear? Year,
    IReadOnlyList<FiscalYear> Years,
    decimal Total,
    decimal? PerHead,
    long? Population,
    decimal Unclassified,
    IReadOnlyList<ShareRow> ByTheme,
    IReadOnlyList<ShareRow> ByAgency,
    IReadOnlyList<ShareRow> ByFunding,
    IReadOnlyList<TreemapNode> Treemap,
    SankeyChart Sankey,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<SupplierTotal> TopSuppliers)
{
    /// <summary>The part of <see cref="Total"/> that comes from statements (official returns, budgets, outturn).</summary>
    public decimal FromStatements { get; init; }

    /// <summary>The part of <see cref="Total"/> that comes from published transaction lines.</summary>
    public decimal FromLines { get; init; }
}
