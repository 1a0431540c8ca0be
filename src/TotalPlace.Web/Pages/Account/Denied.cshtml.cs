using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TotalPlace.Web.Pages.Account;

/// <summary>Where a signed-in person lands when their role does not allow a page.</summary>
public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
