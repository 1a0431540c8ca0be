using System.ComponentModel;

namespace TotalPlace.Web.Api;

/// <summary>Filters and sort for transaction drill-down.</summary>
public sealed record TransactionFilter(
    [property: Description("Only this agency's lines (its name).")] string? Agency = null,
    [property: Description("Only this theme's lines (its code, e.g. housing).")] string? Theme = null,
    [property: Description("Only this financial year, e.g. 2024-25.")] string? Year = null,
    [property: Description("Text to find in supplier, reference, expense type or area.")] string? Search = null,
    [property: Description("date, amount, supplier, agency or theme.")] string Sort = "date",
    [property: Description("Sort descending (largest or latest first).")] bool Desc = true)
{
    public static readonly IReadOnlyList<string> SortKeys = ["date", "amount", "supplier", "agency", "theme"];
}
