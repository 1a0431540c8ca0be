using TotalPlace.Core.Places;
using TotalPlace.Storage;

namespace TotalPlace.Application.Places;

/// <summary>What an administrator asked: delete this place, confirmed by typing its code again.</summary>
/// <param name="PlaceCode">The place's GSS code.</param>
/// <param name="Confirmation">The code typed again (case and surrounding spaces do not matter); anything else
/// deletes nothing.</param>
public sealed record DeletePlaceRequest(string PlaceCode, string? Confirmation);

/// <summary>How a request to delete a place ended.</summary>
public enum DeletePlaceStatus
{
    /// <summary>The place and everything it held were deleted.</summary>
    Deleted,

    /// <summary>The code is not a GSS code (a capital letter and eight digits).</summary>
    InvalidCode,

    /// <summary>The confirmation did not repeat the code: nothing was deleted.</summary>
    NotConfirmed,

    /// <summary>The store has no such place: nothing was deleted.</summary>
    NotFound,
}

/// <summary>The outcome: what was removed (or would have been), and one line saying so.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Contents">What the place held and the deletion removed; for <see cref="DeletePlaceStatus.NotConfirmed"/>
/// what it would remove; null when there is no such place.</param>
/// <param name="Message">One line for the user.</param>
public sealed record DeletePlaceResult(DeletePlaceStatus Status, PlaceContents? Contents, string Message)
{
    /// <summary>True when the place was deleted.</summary>
    public bool IsDeleted => Status == DeletePlaceStatus.Deleted;
}

/// <summary>The use case "delete a place": an administrator removes a place created by mistake (a mistyped code,
/// the wrong file) with everything it holds, in one transaction, audited as <c>place.deleted</c> with the counts. The
/// CLI's <c>place delete</c> and the web page <c>/Places/Delete</c> both call it; who may (administrators) is the host's
/// decision. The audit trail's entries about the place stay.</summary>
public sealed class DeletePlace(IPlaceStore store)
{
    /// <summary>What deleting the place would remove, for the confirmation step; null when there is no such place.</summary>
    /// <exception cref="ArgumentException">The code is not a GSS code.</exception>
    public Task<PlaceContents?> PreviewAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var code = Normalise(placeCode);
        if (!Place.IsGssCode(code))
        {
            throw new ArgumentException(InvalidCodeMessage(placeCode), nameof(placeCode));
        }

        return store.Places.DescribePlaceContentsAsync(code, cancellationToken);
    }

    /// <summary>Deletes the place when the confirmation repeats its code; otherwise deletes nothing and says why.</summary>
    public async Task<DeletePlaceResult> ExecuteAsync(DeletePlaceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = Normalise(request.PlaceCode);
        if (!Place.IsGssCode(code))
        {
            return new DeletePlaceResult(DeletePlaceStatus.InvalidCode, null, InvalidCodeMessage(request.PlaceCode));
        }

        if (!string.Equals(Normalise(request.Confirmation), code, StringComparison.Ordinal))
        {
            var would = await store.Places.DescribePlaceContentsAsync(code, cancellationToken);
            return would is null
                ? new DeletePlaceResult(DeletePlaceStatus.NotFound, null, NotFoundMessage(code))
                : new DeletePlaceResult(
                    DeletePlaceStatus.NotConfirmed,
                    would,
                    $"Nothing was deleted: to delete place {code} ({would.PlaceName}) and its {would.Describe()}, confirm by typing its code {code} again.");
        }

        var removed = await store.Places.DeletePlaceAsync(code, cancellationToken);
        return removed is null
            ? new DeletePlaceResult(DeletePlaceStatus.NotFound, null, NotFoundMessage(code))
            : new DeletePlaceResult(DeletePlaceStatus.Deleted, removed, DeletedMessage(removed));
    }

    /// <summary>The one line that reports a deletion.</summary>
    public static string DeletedMessage(PlaceContents removed)
    {
        ArgumentNullException.ThrowIfNull(removed);
        var message = $"Deleted place {removed.PlaceCode} ({removed.PlaceName}): {removed.Describe()}; the audit trail keeps its {(removed.AuditEntries == 1 ? "1 entry" : $"{removed.AuditEntries:N0} entries")} about the place.";
        if (removed.AccountsNamingPlace > 0)
        {
            message += removed.AccountsNamingPlace == 1
                ? " 1 user account still names this place: change or remove it (totalplace users)."
                : $" {removed.AccountsNamingPlace:N0} user accounts still name this place: change or remove them (totalplace users).";
        }

        return message;
    }

    private static string Normalise(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    private static string InvalidCodeMessage(string? code) =>
        $"'{code}' is not a place code: a GSS code is a capital letter and eight digits, e.g. E08000003.";

    private static string NotFoundMessage(string code) => $"There is no place {code} in this store; nothing was deleted.";
}
