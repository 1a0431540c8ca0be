using System.ComponentModel;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TotalPlace.Application.Partnership;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Storage;
using TotalPlace.Web.Security;

namespace TotalPlace.Web.Api;

/// <summary>The offer editor's endpoints: check an offer file as it is typed, save it (as a draft, or submitted), and
/// download a saved offer in the file format the CLI reads (<c>offer save|validate</c>).</summary>
/// <remarks>Bodies are the offer file's JSON text, read and checked by the application's use cases
/// (<see cref="ValidateOffer"/>, <see cref="SaveOffer"/>), exactly as the CLI does; nothing here decides anything
/// about an offer.</remarks>
public static class OfferEditingApi
{
    /// <summary>The largest offer file accepted, as for proposals.</summary>
    public const int MaxOfferBytes = ValidateOffer.MaxOfferBytes;

    public static IEndpointRouteBuilder MapOfferEditingApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("api/offers").WithTags("Offers");
        api.MapPost("/check", Check)
            .WithName("CheckOffer")
            .WithSummary("Check an offer file")
            .WithDescription("Reads the offer file in the body (JSON) and lists every problem by field path: reading problems, then the offer validator's rules (as `totalplace offer validate`). Nothing is stored.")
            .Accepts<string>("application/json")
            .RequireAuthorization(Policies.SignedIn);
        api.MapPost("/", Save)
            .WithName("SaveOffer")
            .WithSummary("Save an offer")
            .WithDescription("Saves the offer file in the body beside its place, replacing the saved offer with the same id (as `totalplace offer save`). A file that cannot be read whole is refused; with submit=true the offer must also pass every rule, and is saved as submitted.")
            .Accepts<string>("application/json")
            .RequireAuthorization(Policies.Approver);
        app.MapGet("api/places/{code}/offers/{id}/file", Download)
            .WithTags("Offers")
            .WithName("DownloadOffer")
            .WithSummary("Download a saved offer as an offer file")
            .WithDescription("The saved offer in the offer file format (the CLI's `offer save` reads it back to the same offer).")
            .RequireAuthorization(Policies.PlaceWide);
        return app;
    }

    public static async Task<Results<Ok<OfferCheck>, BadRequest<string>>> Check(HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await ReadBodyAsync(request, cancellationToken);
        if (text is null)
        {
            return TypedResults.BadRequest($"The offer file is larger than {MaxOfferBytes / 1024:N0} KB.");
        }

        var read = ValidateOffer.Evaluate(text);
        return TypedResults.Ok(new OfferCheck(read.Readable, read.Issues));
    }

    public static async Task<Results<Ok<OfferSaved>, ValidationProblem, BadRequest<string>>> Save(
        HttpRequest request,
        IPlaceStore store,
        [Description("Submit the offer for approval: it must pass every rule.")] bool? submit,
        CancellationToken cancellationToken)
    {
        var text = await ReadBodyAsync(request, cancellationToken);
        if (text is null)
        {
            return TypedResults.BadRequest($"The offer file is larger than {MaxOfferBytes / 1024:N0} KB.");
        }

        var result = await new SaveOffer(store).ExecuteAsync(new SaveOfferRequest(text, submit == true), cancellationToken);
        if (result.Saved is not { } offer)
        {
            return TypedResults.ValidationProblem(Problems(result.Issues), title: result.Title);
        }

        return TypedResults.Ok(new OfferSaved(offer.PlaceCode, offer.Id, offer.Status.ToString(), $"/Offers/Show?place={Uri.EscapeDataString(offer.PlaceCode)}&id={Uri.EscapeDataString(offer.Id)}"));
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> Download(
        IPlaceStore store,
        [Description("The place's ONS GSS code.")] string code,
        [Description("The offer's id.")] string id,
        CancellationToken cancellationToken)
    {
        var offer = await store.Partnership.LoadOfferAsync(code, id, cancellationToken);
        if (offer is null)
        {
            return TypedResults.NotFound();
        }

        var safe = new string([.. offer.Id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        return TypedResults.File(Encoding.UTF8.GetBytes(OfferFile.Write(offer)), "application/json", $"{safe}.offer.json");
    }

    private static Dictionary<string, string[]> Problems(IEnumerable<OfferIssue> issues) =>
        issues.GroupBy(i => i.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray(), StringComparer.Ordinal);

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxOfferBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return read > MaxOfferBytes ? null : new string(buffer, 0, read);
    }
}
