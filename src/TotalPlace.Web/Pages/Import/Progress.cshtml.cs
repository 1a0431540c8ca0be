using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TotalPlace.Web.Jobs;

namespace TotalPlace.Web.Pages.Import;

/// <summary>Shows a background import's progress; the page polls the job and reloads when it has finished.</summary>
public sealed class ProgressModel(JobQueue jobs) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Job { get; set; }

    public JobInfo? Info { get; private set; }

    public IActionResult OnGet()
    {
        Info = Job is null ? null : jobs.FindFor(Job, User);
        return Info is null ? NotFound() : Page();
    }
}
