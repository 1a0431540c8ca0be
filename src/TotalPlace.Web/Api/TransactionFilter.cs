using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace TotalPlace.Web.Api;

/// <summary>Filters and sort for transaction drill-down.</summary>
public sealed record TransactionFilter(
    [FromQuery(Name = "agency")][property: Description("Only this agency's lines (its name).")] string? Agency = null,
    [FromQuery(Name = "theme")][property: Description("Only this theme's lines (its code, e.g. housing).")] string? Theme = null,
    [FromQuery(Name = "year")][property: Description("Only this financial year, e.g. 2024-25.")] string? Year = null,
    [FromQuery(Name = "search")][property: Description("Text to find in supplier, reference, expense type or area.")] string? Search = null,
    [FromQuery(Name = "sort")][property: Description("One of date, amount, supplier, agency, theme, expense_type, expense_area, service_code, reference, source_row, batch.")] string Sort = "date",
    [FromQuery(Name = "desc")][property: Description("Sort descending (largest or latest first).")] bool Desc = true)
{
    public static IReadOnlyList<string> SortKeys => Storage.TransactionQuery.SortKeys;
}
