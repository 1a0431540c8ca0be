using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using TotalPlace.Core.Places;

namespace TotalPlace.Web.Security;

/// <summary>Refuses, with 400, input no page or endpoint can use, before it reaches the store (issue 15 item 13): a NUL
/// character in the query string or an url-encoded form (PostgreSQL cannot store one; a multipart form's fields are
/// checked by <see cref="MultipartNulFilter"/>), and a <c>place</c> query
/// parameter that is not a GSS code. Pages then show the 400 page in words; the API answers problem details naming the
/// parameter.</summary>
internal sealed class BadInputGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var problem = await FindProblemAsync(context.Request);
        if (problem is null)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (!Hosting.HostingExtensions.WantsPage(context.Request))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [problem.Value.Parameter] = [problem.Value.Message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Bad input",
                    Detail = problem.Value.Message,
                },
            });
        }

        // A page gets no body here: the status-code page renders "That request could not be understood".
    }

    internal static async Task<(string Parameter, string Message)?> FindProblemAsync(HttpRequest request)
    {
        foreach (var (name, values) in request.Query)
        {
            if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)))
            {
                return (Printable(name), $"The query parameter '{Printable(name)}' contains a NUL character, which no field can hold.");
            }
        }

        if (request.Query.TryGetValue("place", out var place) && place.Count > 0 && !string.IsNullOrWhiteSpace(place[0])
            && !Place.IsGssCode(place[0]!.Trim().ToUpperInvariant()))
        {
            return ("place", $"place: '{Printable(place[0]!)}' is not a place code; a place code is an ONS GSS code, a capital letter and eight digits, e.g. E08000003.");
        }

        if (request.HasFormContentType && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // ASP.NET Core's own form reader refuses a NUL in a value before we can look at it.
                return ("form", "A form field contains a NUL character, which no field can hold.");
            }

            foreach (var (name, values) in form)
            {
                if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)))
                {
                    return (Printable(name), $"The form field '{Printable(name)}' contains a NUL character, which no field can hold.");
                }
            }
        }

        return null;
    }

    private static string Printable(string text)
    {
        var shown = new string([.. text.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > 40 ? shown + "…" : shown;
    }
}

/// <summary>Refuses, with 400, a multipart form (the upload pages) whose fields hold a NUL character, before the page's
/// handler runs. The fields only: a file's contents may hold anything, and the reader refuses a NUL in a spend file
/// naming its file, row and column. A filter rather than <see cref="BadInputGuard"/>: it runs after authentication,
/// the antiforgery check and the page's own request size limit, so no one who may not post can make the server read
/// a large body, and the form it reads is the one the page binds (read once).</summary>
internal sealed class MultipartNulFilter : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType && request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true
            && await FindNulAsync(request) is { } field)
        {
            context.Result = Hosting.HostingExtensions.WantsPage(request)
                ? new StatusCodeResult(StatusCodes.Status400BadRequest) // the status-code page says it in words
                : new BadRequestObjectResult(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field.Parameter] = [field.Message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Bad input",
                    Detail = field.Message,
                });
            return;
        }

        await next();
    }

    internal static async Task<(string Parameter, string Message)?> FindNulAsync(HttpRequest request)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null; // a malformed or oversized body: the page's model binding answers it as it always has
        }

        foreach (var (name, values) in form)
        {
            if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)))
            {
                var shown = new string([.. name.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
                return (shown, $"The form field '{shown}' contains a NUL character, which no field can hold.");
            }
        }

        return null;
    }
}

/// <summary>A text value with a NUL character that reached PostgreSQL anyway (a JSON body, a multipart form field):
/// 400 problem details for the API rather than a 500 (SQLSTATE 22021).</summary>
internal sealed class NulCharacterExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var db = exception as DbException ?? exception.InnerException as DbException;
        if (db?.SqlState != "22021" || Hosting.HostingExtensions.WantsPage(httpContext.Request))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Bad input", Detail = "A value contains a character the store cannot hold (a NUL character); nothing was stored." },
        });
    }
}
