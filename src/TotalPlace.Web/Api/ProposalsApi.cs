using System.ComponentModel;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TotalPlace.Application.Appraisal;
using TotalPlace.Core.Appraisal;
using TotalPlace.Storage;
using TotalPlace.Web.Proposals;
using TotalPlace.Web.Security;

namespace TotalPlace.Web.Api;

/// <summary>The proposal editor's endpoints: search the Unit Cost Database, appraise a proposal as it is typed, save
/// proposals beside a place, list and download them, and attach one to an offer. Bodies are the proposal file's JSON
/// (docs/proposal.schema.json), read and appraised by the application's use cases exactly as the CLI does.</summary>
public static class ProposalsApi
{
    /// <summary>The most search hits returned.</summary>
    public const int MaxHits = 50;

    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("api/unit-costs", SearchUnitCosts)
            .WithTags("Proposals")
            .WithName("SearchUnitCosts")
            .WithSummary("Search the Unit Cost Database")
            .WithDescription("Entries of the embedded Unit Cost Database (UCD v1.4) whose code, description, agency, theme or category contain every word of q, best first (as `totalplace unit-costs search`).")
            .RequireAuthorization(Policies.SignedIn);
        app.MapPost("api/proposals/appraise", Appraise)
            .WithTags("Proposals")
            .WithName("AppraiseProposalLive")
            .WithSummary("Appraise a proposal for the editor")
            .WithDescription("The proposal file in the body, appraised by the engine: headline figures (PV costs, NPVs, benefit-cost ratios, payback), each agency's figures and benefit-cost ratio, and what optimism bias did; or the errors by field path. Nothing is stored.")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json")
            .RequireAuthorization(Policies.SignedIn);
        var place = app.MapGroup("api/places/{code}/proposals").WithTags("Proposals");
        place.MapGet("/", List)
            .WithName("ListProposals")
            .WithSummary("Saved proposals")
            .WithDescription("The proposals saved for the place, each appraised now from its stored file (as `totalplace proposal list`).")
            .RequireAuthorization(Policies.SignedIn);
        place.MapPost("/", Save)
            .WithName("SaveProposal")
            .WithSummary("Save a proposal")
            .WithDescription("Saves the proposal file in the body beside the place under id (made from its name when not given), replacing a saved proposal with that id. Only a proposal the engine can appraise is saved; otherwise the errors by field path. Audited.")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json")
            .RequireAuthorization(Policies.Writer);
        place.MapGet("/{id}/file", Download)
            .WithName("DownloadProposal")
            .WithSummary("Download a saved proposal file")
            .WithDescription("The saved proposal file, as `totalplace proposal export` writes it and `totalplace appraise` reads it.")
            .RequireAuthorization(Policies.SignedIn);
        place.MapPost("/{id}/attach", Attach)
            .WithName("AttachProposal")
            .WithSummary("Attach a saved proposal to an offer")
            .WithDescription("Appraises the saved proposal and attaches its fiscal benefits and costs by agency and year to the saved offer (replacing an earlier attachment of the same proposal). Audited.")
            .RequireAuthorization(Policies.Approver);
        return app;
    }

    public static Ok<IReadOnlyList<UnitCostHit>> SearchUnitCosts(
        [Description("Words to find, e.g. \"jsa claimant\" or a code such as \"EC1.0\".")] string? q,
        [Description("At most this many hits (1-50, default 12).")] int? limit)
    {
        var n = Math.Clamp(limit ?? 12, 1, MaxHits);
        var hits = string.IsNullOrWhiteSpace(q) ? [] : UnitCostDatabase.UcdV14.Search(q).Take(n).Select(UnitCostHit.From).ToList();
        return TypedResults.Ok<IReadOnlyList<UnitCostHit>>(hits);
    }

    public static async Task<Results<Ok<ProposalResults>, BadRequest<string>>> Appraise(HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await ReadBodyAsync(request, cancellationToken);
        return text is null ? TooLarge() : TypedResults.Ok(ProposalResults.From(AppraiseProposal.Evaluate(text)));
    }

    public static async Task<Results<Ok<IReadOnlyList<ProposalListItem>>, NotFound>> List(
        IPlaceStore store, [Description("The place's ONS GSS code.")] string code, CancellationToken cancellationToken)
    {
        if (await store.Places.FindPlaceAsync(code, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var listings = await new ListProposals(store).ExecuteAsync(code, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ProposalListItem>>([.. listings.Select(ProposalListItem.From)]);
    }

    public static async Task<Results<Ok<ProposalSavedResponse>, ValidationProblem, NotFound, BadRequest<string>>> Save(
        HttpRequest request,
        IPlaceStore store,
        TimeProvider clock,
        [Description("The place's ONS GSS code.")] string code,
        [Description("The proposal's id (lower-case letters, digits and dashes); made from its name when not given.")] string? id,
        CancellationToken cancellationToken)
    {
        var text = await ReadBodyAsync(request, cancellationToken);
        if (text is null)
        {
            return TooLarge();
        }

        if (await store.Places.FindPlaceAsync(code, cancellationToken) is not { } place)
        {
            return TypedResults.NotFound();
        }

        var result = await new SaveProposal(store, clock).ExecuteAsync(new SaveProposalRequest(place.Code, id, text), cancellationToken);
        if (result.Saved is not { } saved)
        {
            return TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => e.Path.Length == 0 ? "proposal" : e.Path, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
                title: result.Errors.Count == 1 ? "1 problem: the proposal was not saved" : $"{result.Errors.Count} problems: the proposal was not saved");
        }

        return TypedResults.Ok(new ProposalSavedResponse(saved.PlaceCode, saved.Id, saved.Name, EditPage(saved.PlaceCode, saved.Id)));
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> Download(
        IPlaceStore store,
        [Description("The place's ONS GSS code.")] string code,
        [Description("The proposal's id.")] string id,
        CancellationToken cancellationToken)
    {
        var stored = await store.Proposals.LoadProposalAsync(code, id, cancellationToken);
        return stored is null
            ? TypedResults.NotFound()
            : TypedResults.File(Encoding.UTF8.GetBytes(stored.Document), "application/json", $"{stored.Id}.json");
    }

    public static async Task<Results<Ok<ProposalAttachedResponse>, ValidationProblem>> Attach(
        IPlaceStore store,
        [Description("The place's ONS GSS code.")] string code,
        [Description("The proposal's id.")] string id,
        [Description("The id of the saved offer to attach it to.")] string? offer,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(offer))
        {
            return Problem("offer", "Choose the offer to attach the proposal to.", "No offer chosen");
        }

        try
        {
            var reference = await new AttachProposalToOffer(store).ExecuteAsync(code, id, offer, cancellationToken);
            var place = code.Trim().ToUpperInvariant();
            return TypedResults.Ok(new ProposalAttachedResponse(place, id, offer.Trim(), reference.Summary, $"/Offers/Show?place={Uri.EscapeDataString(place)}&id={Uri.EscapeDataString(offer.Trim())}"));
        }
        catch (ProposalNotAttachedException ex)
        {
            return Problem("proposal", ex.Message, "The proposal was not attached");
        }
    }

    /// <summary>The editor's address for a saved proposal.</summary>
    public static string EditPage(string place, string id) => $"/Proposals/Edit?place={Uri.EscapeDataString(place)}&id={Uri.EscapeDataString(id)}";

    private static ValidationProblem Problem(string key, string message, string title) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [key] = [message] }, title: title);

    private static BadRequest<string> TooLarge() => TypedResults.BadRequest($"A proposal may be at most {AppraiseProposal.MaxProposalBytes / 1024:N0} KB.");

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[AppraiseProposal.MaxProposalBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        return read > AppraiseProposal.MaxProposalBytes ? null : new string(buffer, 0, read);
    }
}
