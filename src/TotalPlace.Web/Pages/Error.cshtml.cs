using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TotalPlace.Web.Pages;

/// <summary>What a person sees, in words, when a page cannot be shown: the status re-executed here for browser
/// requests (the API keeps its problem-details JSON).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Code { get; set; }

    public int Status { get; private set; }

    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public string? Path { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    /// <summary>Input the store refused that the guard in front of it did not catch: a NUL character in a multipart
    /// form field (PostgreSQL SQLSTATE 22021), or a place that is not a GSS code.</summary>
    private static bool IsBadInput(Exception error) =>
        (error as System.Data.Common.DbException ?? error.InnerException as System.Data.Common.DbException)?.SqlState == "22021"
        || (error is ArgumentException && error.Message.Contains("is not an ONS GSS code", StringComparison.Ordinal));

    private void Describe()
    {
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        Path = failed?.Path ?? reExecuted?.OriginalPath;
        Status = failed is not null ? (IsBadInput(failed.Error) ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError) : Code is >= 400 and < 600 ? Code.Value : StatusCodes.Status404NotFound;
        (Title, Explanation) = Status switch
        {
            400 => ("That request could not be understood", "Something in the address or the form was not what the page expects. Go back, check what you entered and try again."),
            401 => ("Please sign in", "This page needs you to sign in first."),
            403 => ("You are not allowed to do that", "Your role does not allow this page or change. Ask an administrator if you need it."),
            404 => ("Page not found", "There is nothing at this address: the place, offer or page may have been removed, or the link is mistyped."),
            405 => ("That is not how this page is used", "The page does not take this kind of request; use the page's own buttons and links."),
            409 => ("Someone else changed it first", "The store changed while you were working. Reload the page and try again."),
            413 => ("The file is too large", "Uploads are limited in size; split the file or ask an administrator."),
            >= 500 => ("Something went wrong on our side", "The server could not finish the request. Nothing half-done was stored; try again, and if it happens again tell the administrator the time it happened."),
            _ => ("The page cannot be shown", "Go back and try again."),
        };
        Response.StatusCode = Status;
    }
}
