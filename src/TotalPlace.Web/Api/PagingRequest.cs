using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace TotalPlace.Web.Api;

/// <summary>Which page of a list to return.</summary>
public sealed record PagingRequest(
    [FromQuery(Name = "page")][property: Description("The 1-based page number.")] int Page = 1,
    [FromQuery(Name = "pageSize")][property: Description("Items per page, from 1 to 500.")] int PageSize = 50)
{
    public const int MaxPageSize = 500;

    /// <summary>The rule-stating errors for a bad page request, keyed by parameter; empty when it is fine.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Page < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }

        return errors;
    }
}
