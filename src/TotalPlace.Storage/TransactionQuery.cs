using TotalPlace.Core;

namespace TotalPlace.Storage;

/// <summary>Filters, sort and paging for transaction drill-down.</summary>
/// <param name="Search">Case-insensitive text looked for in supplier, reference, expense type, expense area,
/// service code and description.</param>
/// <param name="Sort">One of date, amount, supplier, agency, theme, expense_type, expense_area, service_code, reference,
/// source_row, batch; anything else is refused.</param>
/// <param name="PageNumber">1-based.</param>
/// <param name="PageSize">1 to 10,000.</param>
/// <param name="Supplier">Only lines whose supplier equals this (case-insensitive).</param>
/// <param name="BatchId">Only lines of this batch.</param>
/// <param name="Visibility">Which batches may be listed; null or <see cref="Identity.Visibility.All"/> for all.</param>
/// <param name="Funding">Only agencies with this funding source name.</param>
public sealed record TransactionQuery(
    string PlaceCode,
    string? Agency = null,
    string? Theme = null,
    FiscalYear? Year = null,
    string? Search = null,
    string Sort = "date",
    bool Descending = true,
    int PageNumber = 1,
    int PageSize = 50,
    string? Supplier = null,
    long? BatchId = null,
    string? Funding = null,
    Identity.Visibility? Visibility = null)
{
    /// <summary>The sort keys accepted.</summary>
    public static readonly IReadOnlyList<string> SortKeys =
        ["date", "amount", "supplier", "agency", "theme", "expense_type", "expense_area", "service_code", "reference", "source_row", "batch"];

    /// <summary>Only lines the place map counts (<see cref="MapSource.Combined"/>): lines of an agency-year that has
    /// statements are left out, since the map counts its statements instead. Drill-down from a dashboard figure uses
    /// it so the lines listed add up to the part of the figure that comes from lines.</summary>
    public bool CountedOnly { get; init; }
}
