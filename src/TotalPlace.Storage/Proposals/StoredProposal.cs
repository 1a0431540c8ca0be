namespace TotalPlace.Storage.Proposals;

/// <summary>A proposal kept in the store: its file (docs/proposal.schema.json) whole, beside its place.</summary>
/// <param name="PlaceCode">The place's ONS GSS code.</param>
/// <param name="Id">The proposal's id within the place (letters, digits and dashes).</param>
/// <param name="Name">The proposal's name, from its file.</param>
/// <param name="Document">The proposal file's JSON text.</param>
/// <param name="OfferId">The offer it is attached to, when it is.</param>
/// <param name="SavedBy">Who saved it last.</param>
/// <param name="SavedAt">When it was saved last.</param>
public sealed record StoredProposal(
    string PlaceCode,
    string Id,
    string Name,
    string Document,
    string? OfferId,
    string SavedBy,
    DateTimeOffset SavedAt);
