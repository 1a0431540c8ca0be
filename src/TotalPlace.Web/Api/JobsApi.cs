using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using TotalPlace.Web.Jobs;
using TotalPlace.Web.Security;

namespace TotalPlace.Web.Api;

/// <summary>Progress of long work running in the background (import commits).</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("api/jobs").WithTags("Jobs")
            .MapGet("/{id}", GetJob)
            .WithName("GetJob")
            .WithSummary("Get a background job's progress")
            .RequireAuthorization(Policies.SignedIn);
        return app;
    }

    public static Results<Ok<JobInfo>, NotFound> GetJob(
        JobQueue jobs,
        System.Security.Claims.ClaimsPrincipal user,
        [Description("The job's id, as returned when it was queued.")] string id) =>
        jobs.FindFor(id, user) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();
}
