using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TotalPlace.Application.Counting;
using TotalPlace.Storage;
using TotalPlace.Web.Dashboard;
using TotalPlace.Web.Security;

namespace TotalPlace.Web.Api;

/// <summary>The treemap's deepest level, fetched when a reader drills into one agency's spend on one theme.</summary>
public static class TreemapApi
{
    /// <summary>How many suppliers the level shows before the rest are one box.</summary>
    public const int Suppliers = 15;

    public static IEndpointRouteBuilder MapTreemapApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("api/places/{code}/treemap/suppliers", GetSuppliers)
            .AllowAnonymous()
            .WithTags("Places")
            .WithName("GetTreemapSuppliers")
            .WithSummary("Suppliers inside one treemap box")
            .WithDescription("The suppliers an agency paid most under one theme in one year, and one box for everything else (smaller suppliers and aggregate statements, which have none), so the boxes sum to the agency's box.");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<TreemapNode>>, NotFound, ValidationProblem>> GetSuppliers(
        IPlaceStore store,
        ClaimsPrincipal user,
        [Description("The place's ONS GSS code.")] string code,
        [Description("The theme code, e.g. housing.")] string theme,
        [Description("The agency's name.")] string agency,
        [Description("The financial year, e.g. 2024-25; every year when left out.")] string? year,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fiscalYear = PlacesApi.ParseYear(year, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        SupplierBreakdown breakdown;
        try
        {
            breakdown = await new TopSuppliers(store).ExecuteAsync(
                new TopSuppliersRequest(code, user.VisibilityOf(), fiscalYear, agency, theme, Count: Suppliers), cancellationToken);
        }
        catch (MapRequestRefusedException)
        {
            return TypedResults.NotFound();
        }

        var nodes = breakdown.Paid.Select(s => new TreemapNode(s.Supplier, s.Amount, [])).ToList();
        if (breakdown.Rest > 0)
        {
            nodes.Add(new TreemapNode("Everything else (smaller suppliers and statements)", breakdown.Rest, []));
        }

        return TypedResults.Ok<IReadOnlyList<TreemapNode>>(nodes);
    }
}
