using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using TotalPlace.Storage;

namespace TotalPlace.Web.Api;

/// <summary>Import batches: the provenance of every figure.</summary>
public static class BatchesApi
{
    public static IEndpointRouteBuilder MapBatchesApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("api/batches").WithTags("Batches");

        api.MapGet("/", ListBatches)
            .WithName("ListBatches")
            .WithSummary("List import batches")
            .WithDescription("Every committed batch, newest first: file, SHA-256, rows read, loaded and rejected, total, who and when.");

        api.MapGet("/{id:long}", GetBatch)
            .WithName("GetBatch")
            .WithSummary("Get an import batch")
            .WithDescription("One batch's provenance with the rows it left out and why.");

        return app;
    }

    public static async Task<Results<Ok<Page<BatchSummary>>, ValidationProblem>> ListBatches(
        IPlaceStore store,
        [Description("Only this place's batches (its GSS code).")] string? place,
        [AsParameters] PagingRequest paging,
        CancellationToken cancellationToken)
    {
        var errors = paging.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var batches = await store.ListBatchesAsync(string.IsNullOrWhiteSpace(place) ? null : place, cancellationToken);
        var items = batches.Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize).Select(BatchSummary.From).ToList();
        return TypedResults.Ok(new Page<BatchSummary>(items, paging.Page, paging.PageSize, batches.Count));
    }

    public static async Task<Results<Ok<ImportBatch>, NotFound>> GetBatch(
        IPlaceStore store,
        [Description("The batch id.")] long id,
        CancellationToken cancellationToken)
    {
        var batches = await store.ListBatchesAsync(null, cancellationToken);
        return batches.FirstOrDefault(b => b.Id == id) is { } batch ? TypedResults.Ok(batch) : TypedResults.NotFound();
    }
}
