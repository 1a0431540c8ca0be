using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TotalPlace.Application.Places;
using TotalPlace.Core.Places;
using TotalPlace.Storage;

namespace TotalPlace.Web.Pages.Places;

/// <summary>Delete a place created by mistake (a mistyped code, the wrong file), with everything it holds: pick the
/// place, see what it holds (the same counts <c>totalplace place delete</c> reports), type its code to confirm, delete.
/// Administrators only (the /Places folder's policy); the deletion is one transaction, audited as
/// <c>place.deleted</c>.</summary>
public sealed class DeleteModel(IPlaceStore store, Dashboard.DashboardService dashboard) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    /// <summary>The code typed again to confirm.</summary>
    [BindProperty]
    public string? Confirm { get; set; }

    public IReadOnlyList<Place> Places { get; private set; } = [];

    /// <summary>What the chosen place holds; null before one is chosen or when there is none.</summary>
    public PlaceContents? Contents { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await new DeletePlace(store).ExecuteAsync(new DeletePlaceRequest(Place ?? string.Empty, Confirm), cancellationToken);
        if (result.IsDeleted)
        {
            dashboard.Cache.Invalidate();
            TempData["Message"] = result.Message;
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        Problem = result.Status == DeletePlaceStatus.NotConfirmed
            ? $"Nothing was deleted: type the place's code {result.Contents!.PlaceCode} in the box to confirm."
            : result.Message;
        Response.StatusCode = result.Status == DeletePlaceStatus.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Places = await store.Places.ListPlacesAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Place))
        {
            return;
        }

        var code = Place.Trim().ToUpperInvariant();
        if (!Core.Places.Place.IsGssCode(code))
        {
            Problem = $"'{Place}' is not a place code: a GSS code is a capital letter and eight digits, e.g. E08000003.";
            return;
        }

        Contents = await new DeletePlace(store).PreviewAsync(code, cancellationToken);
        if (Contents is null)
        {
            Problem = $"There is no place {code} in this store.";
        }
    }
}
