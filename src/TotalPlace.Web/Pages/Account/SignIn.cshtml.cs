using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TotalPlace.Storage;
using TotalPlace.Web.Security;

namespace TotalPlace.Web.Pages.Account;

/// <summary>Signs a person in with an account kept in the store (Accounts mode); a cookie then carries them.</summary>
public sealed class SignInModel(IPlaceStore store, SecuritySettings settings, SignInLockout lockout) : PageModel
{
    [BindProperty]
    [Display(Name = "User name")]
    [Required(ErrorMessage = "Give your user name.")]
    public string? UserName { get; set; }

    [BindProperty]
    [Display(Name = "Password")]
    [Required(ErrorMessage = "Give your password.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool LocalMode => settings.Mode == AuthMode.Local;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (LocalMode)
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var account = await AccountApi.AuthenticateAsync(store, lockout, UserName, Password, cancellationToken);
        if (account is null)
        {
            ModelState.AddModelError(string.Empty, lockout.IsLockedOut(UserName!)
                ? $"Too many wrong passwords for this name: try again in {SignInLockout.LockoutPeriod.TotalMinutes:0} minutes."
                : "The user name or password is wrong.");
            return Page();
        }

        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            TotalPlaceClaims.For(account, CookieAuthenticationDefaults.AuthenticationScheme));
        // Only a path on this site, so the sign-in page cannot be used to send people elsewhere.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
