using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using TotalPlace.Core.Places;
using TotalPlace.Storage;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Web.Api;

/// <summary>The audit trail: who imported, deleted, reclassified or edited what, when, and what changed.</summary>
public static class AuditApi
{
    /// <summary>The roles that read the audit trail: it names people and shows unpublished figures of every agency.</summary>
    public static readonly string[] ReaderRoles = ["Administrator", "Board"];

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("api/audit").WithTags("Audit")
            .MapGet("/", ListAudit)
            .RequireAuthorization(p => p.RequireRole(ReaderRoles))
            .WithName("ListAudit")
            .WithSummary("List the audit trail")
            .WithDescription("Every change to the store, newest first: who, when, what (action and subject) and what changed (details). Administrators and the board only.");
        return app;
    }

    public static async Task<Results<Ok<Page<AuditEntryResponse>>, ValidationProblem>> ListAudit(
        IPlaceStore store,
        [Description("Only this place's entries (its GSS code).")] string? place,
        [Description("Only this person's entries (user name, case-insensitive; 'system' for work nobody was named for).")] string? actor,
        [Description("Only this action, e.g. batch.imported, place.reclassified, offer.updated, finding.reviewed.")] string? action,
        [Description("Only entries about this kind of subject: batch, place, agency, rule, theme, offer, finding, supplier, assets, waste, user.")] string? subject,
        [Description("Only entries about this subject id (a batch id, offer id, finding key…); use with subject.")] string? subjectId,
        [Description("Entries at or after this instant (ISO 8601, e.g. 2026-11-24 or 2026-11-24T09:00:00Z).")] DateTimeOffset? since,
        [Description("Entries before this instant (ISO 8601).")] DateTimeOffset? until,
        [AsParameters] PagingRequest paging,
        CancellationToken cancellationToken)
    {
        var errors = paging.Validate();
        if (!string.IsNullOrWhiteSpace(place) && !Place.IsGssCode(place.Trim().ToUpperInvariant()))
        {
            errors["place"] = [$"'{place}' is not an ONS GSS code; a place code is a capital letter and eight digits, e.g. E08000003."];
        }

        if (since is { } from && until is { } to && from > to)
        {
            errors["since"] = ["since must not be after until."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await store.Audit.QueryAuditAsync(
            new AuditQuery(place, actor, action, subject, subjectId, since, until, paging.Page, paging.PageSize),
            cancellationToken);
        return TypedResults.Ok(new Page<AuditEntryResponse>([.. page.Items.Select(AuditEntryResponse.From)], page.PageNumber, page.PageSize, page.TotalCount));
    }
}
