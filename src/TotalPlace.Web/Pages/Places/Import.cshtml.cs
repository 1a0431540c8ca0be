using System.IO.Compression;
using Microsoft.AspNetCore.Mvc;
using TotalPlace.Application.Places;
using TotalPlace.Storage;
using TotalPlace.Storage.Counting;
using TotalPlace.Web.Hosting;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Places;

/// <summary>Import a place package from the web: upload the package folder as a zip, see what it would do (the same
/// plan as <c>totalplace place check</c>), then import it in one atomic step (as <c>place import</c>). Administrators
/// only: a package writes every partner's lines and statements for a place.</summary>
[RequestSizeLimit(HostingExtensions.MaxUploadBytes + (1024 * 1024))]
public sealed class ImportModel(IPlaceStore store, TimeProvider clock, Dashboard.DashboardService dashboard) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    /// <summary>The most a package may hold once unzipped.</summary>
    public const long MaxUnzippedBytes = 512L * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public PackagePlan? Plan { get; private set; }

    public PackageCommitResult? Result { get; private set; }

    public string? Problem { get; private set; }

    public DataTable? Files { get; private set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken) => RunAsync(commit: false, cancellationToken);

    public Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken) => RunAsync(commit: true, cancellationToken);

    private async Task<IActionResult> RunAsync(bool commit, CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Problem = "Choose a zip file of the package folder (place.json and the files it names).";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var folder = Directory.CreateTempSubdirectory("totalplace-package-").FullName;
        try
        {
            await using (var stream = Upload.OpenReadStream())
            {
                if (Extract(stream, folder, Upload.FileName) is { } problem)
                {
                    Problem = problem;
                    Response.StatusCode = StatusCodes.Status400BadRequest;
                    return Page();
                }
            }

            var root = PackageRoot(folder);
            if (root is null)
            {
                Problem = $"{Upload.FileName}: no place.json at the top of the zip or in its one folder.";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            var importedBy = User.Identity?.Name is { Length: > 0 } name ? name : "web:" + Environment.UserName;
            Plan = await new ImportPlacePackage(clock).PlanAsync(root, store, importedBy, cancellationToken);
            Files = FilesTable(Plan.Files);
            if (commit)
            {
                if (!Plan.CanImport)
                {
                    Problem = $"Nothing was stored: the package has {Plan.Issues.Count(i => i.IsError)} error(s), listed below.";
                    Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                    return Page();
                }

                Result = await ImportPlacePackage.CommitAsync(Plan, store, cancellationToken);
                dashboard.Cache.Invalidate();
                Files = FilesTable(Result.Files);
            }

            return Page();
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Unzips into <paramref name="folder"/>, refusing entries outside it and packages too large; a problem
    /// in words, or null.</summary>
    internal static string? Extract(Stream zip, string folder, string fileName)
    {
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
            long total = 0;
            var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
            foreach (var entry in archive.Entries)
            {
                var target = Path.GetFullPath(Path.Combine(folder, entry.FullName));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                {
                    return $"{fileName}: the entry '{entry.FullName}' points outside the package; nothing was read.";
                }

                total += entry.Length;
                if (total > MaxUnzippedBytes)
                {
                    return $"{fileName}: the package unzips to more than {MaxUnzippedBytes / (1024 * 1024)} MB; import it with `totalplace place import` instead.";
                }

                if (entry.FullName.EndsWith('/'))
                {
                    Directory.CreateDirectory(target);
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: false);
            }

            return null;
        }
        catch (InvalidDataException ex)
        {
            return $"{fileName}: not a zip file ({ex.Message}).";
        }
    }

    private static string? PackageRoot(string folder)
    {
        if (System.IO.File.Exists(Path.Combine(folder, "place.json")))
        {
            return folder;
        }

        var children = Directory.GetDirectories(folder);
        return children.Length == 1 && System.IO.File.Exists(Path.Combine(children[0], "place.json")) ? children[0] : null;
    }

    private static DataTable FilesTable(IReadOnlyList<PackageFileRecord> files) => new(
        "package-files",
        "Files of the package",
        [new DataColumn("Partner"), new DataColumn("File"), new DataColumn("Role"), new DataColumn("Period"), new DataColumn("Rows", CellKind.Number), new DataColumn("What was read")],
        [.. files.Select(f => (IReadOnlyList<DataCell>)
        [
            f.PartnerKey, f.Path, f.Role, f.Period, f.RowsLoaded, string.Join("; ", f.Detail),
        ])]);
}
