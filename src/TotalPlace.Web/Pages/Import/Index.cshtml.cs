using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TotalPlace.Core.Places;
using TotalPlace.Storage;
using TotalPlace.Web.Dashboard;
using TotalPlace.Web.Hosting;
using TotalPlace.Web.Imports;
using TotalPlace.Web.Security;

namespace TotalPlace.Web.Pages.Import;

/// <summary>Upload a partner's spend file. Nothing is stored: the file waits server-side for review.</summary>
[RequestSizeLimit(HostingExtensions.MaxUploadBytes + (1024 * 1024))]
public sealed class IndexModel(IPlaceStore store, DashboardService dashboard, PendingUploads uploads) : PageModel
{
    [BindProperty]
    [Display(Name = "Place (GSS code)")]
    [Required(ErrorMessage = "Give the place's GSS code, e.g. E08000003.")]
    [RegularExpression("^[A-Z][0-9]{8}$", ErrorMessage = "A GSS code is a capital letter and eight digits, e.g. E08000003.")]
    public string? Place { get; set; }

    [BindProperty]
    [Display(Name = "Agency")]
    [Required(ErrorMessage = "Name the agency whose spend this is.")]
    [StringLength(200, ErrorMessage = "An agency name is at most 200 characters.")]
    public string? Agency { get; set; }

    [BindProperty]
    [Display(Name = "Kind of agency")]
    public AgencyKind Kind { get; set; } = AgencyKind.Other;

    [BindProperty]
    [Display(Name = "Period the file covers (only for files without dates)")]
    [StringLength(7, ErrorMessage = "A period is a month such as 2011-01 or a fiscal year such as 2023-24.")]
    public string? Period { get; set; }

    [BindProperty]
    [Display(Name = "Spend file (CSV, XLSX or XLS)")]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<PlaceSummary> Places { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] string? place, CancellationToken cancellationToken)
    {
        await LoadListsAsync(cancellationToken);
        Place ??= place ?? Places.FirstOrDefault()?.Code;
        if (User.VisibilityOf() is { Kind: Storage.Identity.VisibilityKind.PublishedOrAgency } own)
        {
            // An agency analyst's form starts at their own place and agency, the only ones they may import for.
            (Place, Agency) = (own.PlaceCode, own.Agency);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a spend file to upload; the one given is empty.");
        }
        else if (Upload.Length > HostingExtensions.MaxUploadBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"Files are limited to {HostingExtensions.MaxUploadBytes / (1024 * 1024)} MB.");
        }

        if (!string.IsNullOrWhiteSpace(Period) && !TotalPlace.Import.SpendPeriod.TryParse(Period, out _, out var periodError))
        {
            ModelState.AddModelError(nameof(Period), char.ToUpperInvariant(periodError[0]) + periodError[1..] + ".");
        }

        if (!ModelState.IsValid)
        {
            await LoadListsAsync(cancellationToken);
            return Page();
        }

        if (!User.CanWrite(Place!, Agency))
        {
            // An agency analyst imports for their own place and agency only.
            return Forbid();
        }

        byte[] content;
        using (var buffer = new MemoryStream((int)Upload!.Length))
        {
            await Upload.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        if (UploadSniffer.Detect(content) == UploadKind.Unknown)
        {
            ModelState.AddModelError(nameof(Upload), $"{PendingUploads.SafeName(Upload.FileName)} is not a CSV or Excel workbook: its content is binary data of another kind.");
            await LoadListsAsync(cancellationToken);
            return Page();
        }

        var pending = await uploads.AddAsync(Upload.FileName, Place!, Agency!.Trim(), Kind, content, User.Identity?.Name, cancellationToken,
            string.IsNullOrWhiteSpace(Period) ? null : Period.Trim());
        return RedirectToPage("Review", new { id = pending.Id });
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        Places = await dashboard.ListPlacesAsync(cancellationToken);
        var code = Place ?? Places.FirstOrDefault()?.Code;
        // An agency analyst is offered only the agency they may import for.
        Agencies = code is not null && Places.Any(p => p.Code == code)
            ? [.. (await store.Places.ListAgenciesAsync(code, cancellationToken)).Where(a => User.CanWrite(code, a.Name))]
            : [];
    }
}
