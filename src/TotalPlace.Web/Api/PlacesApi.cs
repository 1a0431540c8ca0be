using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TotalPlace.Application.Counting;
using TotalPlace.Core;
using TotalPlace.Storage;
using TotalPlace.Web.Dashboard;
using TotalPlace.Web.Hosting;
using TotalPlace.Web.Security;

namespace TotalPlace.Web.Api;

/// <summary>Places, the place map, the dashboard, drill-down to transactions, and comparison across places.</summary>
public static class PlacesApi
{
    public static IEndpointRouteBuilder MapPlacesApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Readable by the public: every figure is filtered by what the caller may see (Access.VisibilityOf).
        var api = app.MapGroup("api/places").WithTags("Places").AllowAnonymous();

        api.MapGet("/", ListPlaces)
            .WithName("ListPlaces")
            .WithSummary("List places")
            .WithDescription("Every place in the store, with its GSS code, name and latest known population.");

        api.MapGet("/{code}", GetPlace)
            .WithName("GetPlace")
            .WithSummary("Get a place");

        api.MapGet("/{code}/map", GetMap)
            .WithName("GetPlaceMap")
            .WithSummary("The place map")
            .WithDescription("Totals grouped by theme, agency, year and/or funding, with per-head figures. The total is exact to the penny and every row set sums to it.");

        api.MapGet("/{code}/dashboard", GetDashboard)
            .WithName("GetDashboard")
            .WithSummary("The place dashboard")
            .WithDescription("Headline, by theme, by agency, by funding stream, treemap, Sankey and trend for one financial year (the latest when none is given).");

        api.MapGet("/{code}/transactions", GetTransactions)
            .WithName("ListTransactions")
            .WithSummary("Drill down to transaction lines")
            .WithDescription("Filtered, sorted and paged transaction lines, each with its import batch, file and row.");

        app.MapPost("api/places/{code}/reclassify", Reclassify)
            .WithTags("Places")
            .WithName("ReclassifyPlace")
            .WithSummary("Re-apply the place's classification rules")
            .WithDescription("Re-themes every stored line of the place with its current rules. Administrators only: it changes every agency's data in the place.")
            .RequireAuthorization(Policies.Administrator);

        app.MapGet("api/compare", Compare)
            .AllowAnonymous()
            .WithTags("Places")
            .WithName("ComparePlaces")
            .WithSummary("Compare places")
            .WithDescription("Spend per head by theme for every place in the store.");

        app.MapGet("api/status", (StoreStatus status) => TypedResults.Ok(status.Snapshot()))
            .AllowAnonymous()
            .WithTags("Status")
            .WithName("GetStatus")
            .WithSummary("Store status")
            .WithDescription("Whether the store is ready, or building the demo place (with progress from 0 to 1).");

        return app;
    }

    public static async Task<Ok<IReadOnlyList<PlaceSummary>>> ListPlaces(
        [AsParameters] PlaceServices services, CancellationToken cancellationToken) =>
        TypedResults.Ok(await services.Dashboard.ListPlacesAsync(cancellationToken));

    public static async Task<Results<Ok<PlaceSummary>, NotFound>> GetPlace(
        [AsParameters] PlaceServices services,
        [Description("The place's ONS GSS code, e.g. E08000003.")] string code,
        CancellationToken cancellationToken) =>
        await services.Dashboard.FindPlaceAsync(code, cancellationToken) is { } place
            ? TypedResults.Ok(place)
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PlaceMapResponse>, NotFound, ValidationProblem>> GetMap(
        [AsParameters] PlaceServices services,
        ClaimsPrincipal user,
        [Description("The place's ONS GSS code.")] string code,
        [Description("Comma-separated dimensions: theme, agency, year, funding.")] string? by,
        [Description("Only this financial year, e.g. 2024-25.")] string? year,
        [Description("Only this agency.")] string? agency,
        [Description("Only this theme (its code).")] string? theme,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!MapDimensions.TryParse(by, "by", out var dimensions, out var error))
        {
            errors["by"] = [error!];
        }

        var fiscalYear = ParseYear(year, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        PlaceMap map;
        try
        {
            map = await new BuildPlaceMap(services.Store).ExecuteAsync(
                new PlaceMapRequest(code, user.VisibilityOf(), dimensions, fiscalYear, agency, theme), cancellationToken);
        }
        catch (MapRequestRefusedException)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new PlaceMapResponse(
            map.PlaceCode,
            fiscalYear?.ToString(),
            map.Total,
            map.Population,
            map.PerHead,
            [.. map.Rows.Select(r => new PlaceMapRow(r.Theme, r.Agency, r.Year?.ToString(), r.Funding, r.Amount, r.Lines, r.PerHead))]));
    }

    public static async Task<Results<Ok<DashboardView>, NotFound, ValidationProblem>> GetDashboard(
        [AsParameters] PlaceServices services,
        ClaimsPrincipal user,
        [Description("The place's ONS GSS code.")] string code,
        [Description("The financial year, e.g. 2024-25; the latest with money when left out.")] string? year,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fiscalYear = ParseYear(year, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await services.Dashboard.GetAsync(code, fiscalYear, user.VisibilityOf(), cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<Page<TransactionRow>>, NotFound, ValidationProblem>> GetTransactions(
        [AsParameters] PlaceServices services,
        ClaimsPrincipal user,
        [Description("The place's ONS GSS code.")] string code,
        [AsParameters] TransactionFilter filter,
        [AsParameters] PagingRequest paging,
        CancellationToken cancellationToken)
    {
        var errors = paging.Validate();
        var fiscalYear = ParseYear(filter.Year, errors);
        if (!TransactionFilter.SortKeys.Contains(filter.Sort, StringComparer.OrdinalIgnoreCase))
        {
            errors["sort"] = [$"sort must be one of {string.Join(", ", TransactionFilter.SortKeys)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            return TypedResults.Ok(await new DrillIntoFigure(services.Store).ListAsync(
                new TransactionsRequest(code, user.VisibilityOf(), filter.Agency, filter.Theme, fiscalYear, filter.Search,
                    filter.Sort, filter.Desc, paging.Page, paging.PageSize),
                cancellationToken));
        }
        catch (MapRequestRefusedException refused)
        {
            return refused.Reason == MapRefusal.NotFound
                ? TypedResults.NotFound()
                : TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["request"] = [refused.Message] });
        }
    }

    public static async Task<Results<Ok<CompareView>, ValidationProblem>> Compare(
        [AsParameters] PlaceServices services,
        ClaimsPrincipal user,
        [Description("The financial year to compare, e.g. 2024-25; each place's latest when left out.")] string? year,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var fiscalYear = ParseYear(year, errors);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await services.Dashboard.CompareAsync(fiscalYear, user.VisibilityOf(), cancellationToken));
    }

    public static async Task<Results<Ok<ReclassifyResult>, NotFound>> Reclassify(
        [AsParameters] PlaceServices services,
        [Description("The place's ONS GSS code.")] string code,
        CancellationToken cancellationToken)
    {
        var place = await services.Dashboard.FindPlaceAsync(code, cancellationToken);
        if (place is null)
        {
            return TypedResults.NotFound();
        }

        var result = await services.Store.Places.ReclassifyAsync(place.Code, cancellationToken);
        services.Dashboard.Cache.Invalidate();
        return TypedResults.Ok(result);
    }

    internal static FiscalYear? ParseYear(string? year, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(year))
        {
            return null;
        }

        if (FiscalYear.TryParse(year, out var parsed))
        {
            return parsed;
        }

        errors["year"] = [$"'{year}' is not a financial year; write it as 2024-25."];
        return null;
    }
}
