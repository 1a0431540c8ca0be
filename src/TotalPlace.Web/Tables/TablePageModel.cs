using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TotalPlace.Web.Tables;

/// <summary>
/// A page whose tables export: <c>?handler=export&amp;table=ID&amp;format=csv|xlsx</c> rebuilds the page's tables
/// from the same query and returns the one asked for, so every table on every page exports the same way.
/// </summary>
public abstract class TablePageModel : PageModel
{
    /// <summary>Builds the page's tables for export; <paramref name="forExport"/> lifts display-only limits such as paging.</summary>
    protected abstract Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken cancellationToken)
    {
        if (!TableExport.IsFormat(format))
        {
            return BadRequest(new ProblemDetails { Title = "Unknown export format", Detail = "Use format=csv or format=xlsx." });
        }

        var tables = await BuildTablesAsync(forExport: true, cancellationToken);
        var match = tables.FirstOrDefault(t => string.Equals(t.Id, table, StringComparison.Ordinal));
        if (match is null)
        {
            return NotFound(new ProblemDetails { Title = "No such table", Detail = $"This page has no table '{table}'." });
        }

        var (bytes, contentType, fileName) = TableExport.Export(match, format!);
        return File(bytes, contentType, fileName);
    }
}
