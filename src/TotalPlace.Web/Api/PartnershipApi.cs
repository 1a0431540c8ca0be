using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using TotalPlace.Core.Waste;
using TotalPlace.Storage;
using TotalPlace.Storage.Partnership;

using TotalPlace.Web.Security;

namespace TotalPlace.Web.Api;

/// <summary>Saved offers and saved waste findings for a place, as the Offers and Waste pages show them.</summary>
public static class PartnershipApi
{
    public static IEndpointRouteBuilder MapPartnershipApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("api/places/{code}/offers", ListOffers)
            .WithTags("Offers")
            .WithName("ListOffers")
            .WithSummary("Saved offers")
            .WithDescription("The offers saved in the store for the place (CLI: offer save), ordered by id.")
            .RequireAuthorization(Policies.PlaceWide);
        app.MapGet("api/places/{code}/waste", ListWaste)
            .WithTags("Waste")
            .WithName("ListWasteFindings")
            .WithSummary("Waste findings")
            .WithDescription("The waste findings last saved for the place (CLI: waste, or the Waste page), largest money at stake first, with reviewers' decisions applied.")
            .RequireAuthorization(Policies.PlaceWide);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<OfferSummary>>> ListOffers(
        IPlaceStore store, [Description("The place's ONS GSS code.")] string code, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.Partnership.ListOffersAsync(code, cancellationToken));

    public static async Task<Ok<IReadOnlyList<WasteFinding>>> ListWaste(
        IPlaceStore store, [Description("The place's ONS GSS code.")] string code, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.Waste.ListFindingsAsync(code, cancellationToken));
}
