using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TotalPlace.Storage;
using TotalPlace.Web.Dashboard;
using TotalPlace.Web.Security;

namespace TotalPlace.Web.Api;

/// <summary>Import batches: the provenance of every figure, and their publication.</summary>
public static class BatchesApi
{
    public static IEndpointRouteBuilder MapBatchesApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("api/batches").WithTags("Batches");

        // Reads are open to the public and list only the batches the caller may see.
        api.MapGet("/", ListBatches)
            .AllowAnonymous()
            .WithName("ListBatches")
            .WithSummary("List import batches")
            .WithDescription("Every committed batch the caller may see, newest first: file, SHA-256, rows read, loaded and rejected, total, who and when, and whether it is published.");

        api.MapGet("/{id:long}", GetBatch)
            .AllowAnonymous()
            .WithName("GetBatch")
            .WithSummary("Get an import batch")
            .WithDescription("One batch's provenance with the rows it left out and why; 403 when it is another agency's and not published.");

        api.MapPost("/{id:long}/publish", Publish)
            .RequireAuthorization(Policies.Publisher)
            .WithName("PublishBatch")
            .WithSummary("Publish an import batch")
            .WithDescription("Administrators and the board: everyone, the public included, may then read the batch's figures.");

        api.MapPost("/{id:long}/unpublish", Unpublish)
            .RequireAuthorization(Policies.Publisher)
            .WithName("UnpublishBatch")
            .WithSummary("Withdraw an import batch")
            .WithDescription("Administrators and the board: the batch is read again only by its own agency, the board and administrators.");

        api.MapDelete("/{id:long}", DeleteBatch)
            .RequireAuthorization(Policies.Writer)
            .WithName("DeleteBatch")
            .WithSummary("Delete an import batch")
            .WithDescription("Deletes the batch with its lines and rejects, atomically. Administrators, or an agency analyst for their own agency's batch (403 otherwise).");

        return app;
    }

    public static async Task<Results<Ok<Page<BatchSummary>>, ValidationProblem>> ListBatches(
        IPlaceStore store,
        ClaimsPrincipal user,
        [Description("Only this place's batches (its GSS code).")] string? place,
        [AsParameters] PagingRequest paging,
        CancellationToken cancellationToken)
    {
        var errors = paging.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var batches = await store.Spend.ListBatchesAsync(string.IsNullOrWhiteSpace(place) ? null : place, user.VisibilityOf(), cancellationToken);
        var items = batches.Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize).Select(BatchSummary.From).ToList();
        return TypedResults.Ok(new Page<BatchSummary>(items, paging.Page, paging.PageSize, batches.Count));
    }

    public static async Task<Results<Ok<ImportBatch>, NotFound, ForbidHttpResult>> GetBatch(
        IPlaceStore store,
        ClaimsPrincipal user,
        [Description("The batch id.")] long id,
        CancellationToken cancellationToken)
    {
        var batch = await FindAsync(store, id, cancellationToken);
        if (batch is null)
        {
            return TypedResults.NotFound();
        }

        return user.VisibilityOf().CanSee(batch) ? TypedResults.Ok(batch) : TypedResults.Forbid();
    }

    public static Task<Results<Ok<ImportBatch>, NotFound>> Publish(
        IPlaceStore store, DashboardService dashboard, ClaimsPrincipal user, TimeProvider clock,
        [Description("The batch id.")] long id, CancellationToken cancellationToken) =>
        SetPublishedAsync(store, dashboard, user, clock, id, published: true, cancellationToken);

    public static Task<Results<Ok<ImportBatch>, NotFound>> Unpublish(
        IPlaceStore store, DashboardService dashboard, ClaimsPrincipal user, TimeProvider clock,
        [Description("The batch id.")] long id, CancellationToken cancellationToken) =>
        SetPublishedAsync(store, dashboard, user, clock, id, published: false, cancellationToken);

    public static async Task<Results<Ok<ImportBatch>, NotFound, ForbidHttpResult>> DeleteBatch(
        IPlaceStore store,
        DashboardService dashboard,
        ClaimsPrincipal user,
        [Description("The batch id.")] long id,
        CancellationToken cancellationToken)
    {
        var batch = await FindAsync(store, id, cancellationToken);
        if (batch is null)
        {
            return TypedResults.NotFound();
        }

        if (!user.CanWrite(batch.PlaceCode, batch.Agency))
        {
            return TypedResults.Forbid();
        }

        var deleted = await store.Spend.DeleteBatchAsync(id, cancellationToken);
        dashboard.Cache.Invalidate();
        return deleted is null ? TypedResults.NotFound() : TypedResults.Ok(deleted);
    }

    /// <summary>One batch with its publication state, whoever asks (callers check visibility).</summary>
    internal static async Task<ImportBatch?> FindAsync(IPlaceStore store, long id, CancellationToken cancellationToken) =>
        (await store.Spend.ListBatchesAsync(null, Storage.Identity.Visibility.All, cancellationToken)).FirstOrDefault(b => b.Id == id);

    private static async Task<Results<Ok<ImportBatch>, NotFound>> SetPublishedAsync(
        IPlaceStore store, DashboardService dashboard, ClaimsPrincipal user, TimeProvider clock, long id, bool published, CancellationToken cancellationToken)
    {
        var batch = await store.Spend.SetPublishedAsync(id, published, user.Identity?.Name ?? "unknown", clock.GetUtcNow(), cancellationToken);
        // Publication changes what the public and other agencies see, but not the batches the cache versions by.
        dashboard.Cache.Invalidate();
        return batch is null ? TypedResults.NotFound() : TypedResults.Ok(batch);
    }
}
