using System.Text.RegularExpressions;
using TotalPlace.Core.Appraisal;
using TotalPlace.Storage;
using TotalPlace.Storage.Proposals;

namespace TotalPlace.Application.Appraisal;

/// <summary>What to save: a proposal file beside a place, under an id (made from its name when not given).</summary>
/// <param name="PlaceCode">The place's ONS GSS code.</param>
/// <param name="Id">The proposal's id (letters, digits and dashes), or null to make one from its name.</param>
/// <param name="Json">The proposal file's JSON text (docs/proposal.schema.json).</param>
public sealed record SaveProposalRequest(string PlaceCode, string? Id, string Json);

/// <summary>The proposal as saved with its appraisal, or why it was not saved.</summary>
/// <param name="Saved">The stored proposal; null when refused.</param>
/// <param name="Appraisal">The engine's appraisal of the file (its errors when refused).</param>
public sealed record SaveProposalResult(StoredProposal? Saved, ProposalAppraisal Appraisal)
{
    /// <summary>Why it was not saved, by field path (empty when saved).</summary>
    public IReadOnlyList<ProposalError> Errors => Appraisal.Errors;
}

/// <summary>The use case "save a proposal": the file is appraised first, exactly as <c>totalplace appraise</c> reads
/// it, and only a proposal the engine can appraise is kept (a file with errors is refused whole, the errors by field
/// path); the store writes it and its audit entry in one transaction. The proposal editor and the import on the
/// proposals page call it.</summary>
public sealed partial class SaveProposal(IPlaceStore store, TimeProvider clock)
{
    /// <summary>The longest id.</summary>
    public const int MaxIdLength = 80;

    public async Task<SaveProposalResult> ExecuteAsync(SaveProposalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.PlaceCode);
        ArgumentNullException.ThrowIfNull(request.Json);
        var appraisal = AppraiseProposal.Evaluate(request.Json);
        if (!appraisal.IsValid)
        {
            return new SaveProposalResult(null, appraisal);
        }

        var name = appraisal.Proposal!.Name;
        var id = string.IsNullOrWhiteSpace(request.Id) ? IdFrom(name) : request.Id.Trim();
        if (!IsValidId(id))
        {
            return new SaveProposalResult(null, appraisal with
            {
                Result = null,
                Errors = [new ProposalError("id", $"'{id}' is not a proposal id: use 1 to {MaxIdLength} lower-case letters, digits and dashes, starting with a letter or digit")],
            });
        }

        var saved = await store.Proposals.SaveProposalAsync(request.PlaceCode.Trim().ToUpperInvariant(), id, name, request.Json, clock.GetUtcNow(), cancellationToken);
        return new SaveProposalResult(saved, appraisal);
    }

    /// <summary>True for an id of lower-case letters, digits and dashes that starts with a letter or digit.</summary>
    public static bool IsValidId(string? id) => id is { Length: > 0 and <= MaxIdLength } && IdPattern().IsMatch(id);

    /// <summary>An id made from a name: lower case, runs of anything else as one dash.</summary>
    public static string IdFrom(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = NotIdText().Replace(name.ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length > MaxIdLength ? slug[..MaxIdLength].TrimEnd('-') : slug;
        return slug.Length == 0 ? "proposal" : slug;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotIdText();
}
