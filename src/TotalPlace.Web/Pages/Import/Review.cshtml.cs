using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using TotalPlace.Application.Spend;
using TotalPlace.Import;
using TotalPlace.Storage.Identity;
using TotalPlace.Web.Imports;
using TotalPlace.Web.Jobs;
using TotalPlace.Web.Security;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Pages.Import;

/// <summary>
/// The uploaded file as read: the columns found (editable), the validation report and a preview. The file is read in
/// a background job (<see cref="UploadPreviews"/>), never on the request: the page shows the read's progress, then the
/// preview. Commit stores it as one batch in the background; cancel forgets it. Nothing reaches the store before commit.
/// </summary>
public sealed class ReviewModel(ImportSpendFile importer, PendingUploads uploads, JobQueue jobs, UploadPreviews previews) : TablePageModel
{
    public const int PreviewLines = 20;

    /// <summary>How long a request waits for the background read before it shows the read's progress instead: a
    /// small file's preview comes at once, a large or hostile one never holds the request.</summary>
    public static readonly TimeSpan ReadWait = TimeSpan.FromSeconds(2);

    /// <summary>How many raw rows the wizard shows to point at the header row.</summary>
    public const int RawRowsShown = 30;

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Columns { get; set; } = new(StringComparer.Ordinal);

    [BindProperty]
    public int? HeaderRow { get; set; }

    /// <summary>A header row further down than the raw rows shown; wins over <see cref="HeaderRow"/> when given.</summary>
    [BindProperty]
    public int? HeaderRowNumber { get; set; }

    [BindProperty]
    public string? DateOrder { get; set; }

    [BindProperty]
    public bool DecimalComma { get; set; }

    [BindProperty]
    public bool AllowPartial { get; set; }

    /// <summary>The user accepts a last line that looks cut short (no end-of-line, too few fields or an open quote).</summary>
    [BindProperty]
    public bool AcceptTruncatedLastLine { get; set; }

    public PendingUpload? Upload { get; private set; }

    /// <summary>The file as the commit would take it (the same reader, options and store rules), in brief; null
    /// while the background read has not finished.</summary>
    public ImportSummary? Result { get; private set; }

    /// <summary>The background read of the file, while there is no <see cref="Result"/> yet.</summary>
    public JobInfo? Reading { get; private set; }

    public IReadOnlyDictionary<string, DataTable> Tables { get; private set; } = new Dictionary<string, DataTable>();

    public string? Problem { get; private set; }

    /// <summary>The first rows of the file as written, for pointing at the header row.</summary>
    public RawRows? Raw { get; private set; }

    /// <summary>The period the upload was given, parsed; null when none.</summary>
    public SpendPeriod? Period { get; private set; }

    /// <summary>The header row the columns are listed from: the one read, else the one the user chose.</summary>
    public int ChosenHeaderRow => Result?.Read.HeaderRow is > 0 and var read ? read : Result?.Options?.Mapping?.HeaderRow ?? 0;

    /// <summary>The columns a role can be given, as (number, label) from the chosen header row.</summary>
    public IReadOnlyList<(int Number, string Label)> ColumnChoices()
    {
        var width = Math.Max(Raw?.Width ?? 0, Result?.Read.Mapping.Columns.Values.Max(c => c.Number) ?? 0);
        var header = Raw?.At(ChosenHeaderRow);
        return [.. Enumerable.Range(1, width).Select(n =>
        {
            var text = header is not null && n <= header.Cells.Count ? header.Cells[n - 1].Trim() : string.Empty;
            return (n, text.Length > 0 ? $"{n}: {text}" : $"column {n}");
        })];
    }

    /// <summary>Why a role has the column it has: the user's choice, a remembered mapping, or the reader's inference.</summary>
    public string Evidence(ColumnRole role)
    {
        var column = Result?.Read.Mapping[role];
        if (column is null)
        {
            return role is ColumnRole.Date or ColumnRole.Amount ? "not found: pick its column" : "not found";
        }

        var given = Result?.Options?.Mapping?[role];
        if (given is not null)
        {
            return Result!.Remembered is { } r ? $"remembered from {r.FileName}" : "your choice";
        }

        return column.Header is { Length: > 0 } h ? $"found by its header '{h}' and its values" : "found from its values";
    }

    /// <summary>Every handler (review, mapping, export, commit, cancel) acts only on the caller's own upload: anyone
    /// else's id answers as if it did not exist, so a writer of another agency can neither see nor cancel it.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (await uploads.FindAsync(Id, HttpContext.RequestAborted) is { } upload && !upload.IsOwnedBy(User))
        {
            context.Result = NotFound();
            return;
        }

        await next();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var tables = await BuildTablesAsync(forExport: false, cancellationToken);
        if (Upload is null)
        {
            return NotFound();
        }

        if (!User.CanWrite(Upload.PlaceCode, Upload.Agency))
        {
            return Forbid();
        }

        Tables = tables.ToDictionary(t => t.Id, StringComparer.Ordinal);
        if (Result is null && Reading is not null)
        {
            Response.Headers.CacheControl = "no-store";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostMappingAsync(CancellationToken cancellationToken)
    {
        Upload = await uploads.FindAsync(Id, cancellationToken);
        if (Upload is null)
        {
            return NotFound();
        }

        var mapping = MappingForm.Parse(Columns, HeaderRowNumber ?? HeaderRow, DateOrder, DecimalComma, out var problems);
        foreach (var (key, message) in problems)
        {
            ModelState.AddModelError($"Columns[{key}]", message);
        }

        if (problems.Count > 0)
        {
            return await OnGetAsync(cancellationToken);
        }

        await uploads.SaveAsync(Upload with { MappingJson = mapping.ToJson() }, cancellationToken);
        return RedirectToPage(new { id = Upload.Id });
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken cancellationToken)
    {
        var upload = await uploads.FindAsync(Id, cancellationToken);
        if (upload is null)
        {
            return NotFound();
        }

        // Checked again at commit: a pending upload's id could reach someone other than the person who uploaded it.
        if (!User.CanWrite(upload.PlaceCode, upload.Agency))
        {
            return Forbid();
        }

        var request = ImportRequest(upload, AllowPartial) with { Viewer = User.VisibilityOf() };
        request = request with { Options = request.Options with { AcceptTruncatedLastLine = AcceptTruncatedLastLine } };

        // The check before queuing uses the background read's summary; the file is not read on the request. Without one
        // (still reading, or forgotten) the review page is shown again, which reads it.
        if (previews.Ready(upload)?.Summary is not { } preview)
        {
            return RedirectToPage(new { id = upload.Id });
        }

        // A ticked "the last line is complete" takes the cut-last-line problem out of the check; the commit reads the
        // file again with it and is the final word.
        var considered = AcceptTruncatedLastLine ? [.. preview.Errors.Where(e => !e.IsTruncatedLastLine)] : preview.Errors;
        var errorCount = preview.ErrorCount - (preview.Errors.Count - considered.Count);
        var rejected = errorCount > 0 && (!AllowPartial || considered.Any(e => e.Row == 0) || (preview.AcceptedCount == 0 && !AcceptTruncatedLastLine));
        if (rejected)
        {
            Problem = considered.FirstOrDefault(e => e.Row == 0 || e.IsTruncatedLastLine) is { } whole
                ? $"The file is refused whole, so nothing is stored: {whole.Message}."
                : preview.AcceptedCount == 0
                ? "Nothing can be stored: the file has errors and no valid rows. Fix the mapping or the file."
                : $"The file has {errorCount:N0} errors, so it is not stored. Tick \"load only the valid rows\" to store the {preview.AcceptedCount:N0} valid rows and keep the rejects in the batch report.";
            return await OnGetAsync(cancellationToken);
        }

        var importedBy = User.Identity?.Name is { Length: > 0 } name ? name : "web:" + Environment.UserName;
        var job = jobs.Enqueue($"Import {upload.FileName}", async (progress, ct) =>
        {
            var outcome = await importer.CommitAsync(
                request with { ImportedBy = importedBy },
                new Progress<ImportProgress>(p => progress.Report((p.Fraction, p.Stage))),
                ct);
            if (outcome.Batch is not { } batch)
            {
                var first = outcome.Errors.FirstOrDefault();
                throw new InvalidOperationException(first is not null && outcome.ErrorCount == 1
                    ? $"{upload.FileName} was not stored: {first.Message}."
                    : $"{upload.FileName} was not stored: it has {Dashboard.Labels.Count(outcome.ErrorCount, "error")}{(first is null ? string.Empty : $"; the first: {first.Message}")}.");
            }

            uploads.Remove(upload.Id);
            previews.Forget(upload.Id);
            var message = outcome.Status == ImportStatus.AlreadyImported
                ? $"{upload.FileName} was already imported as batch {batch.Id}; nothing was added."
                : outcome.IsNilReturn
                ? $"Stored a nil return (the file has its header and no lines of spend) as batch {batch.Id}."
                : $"Stored {batch.RowsLoaded:N0} lines totalling {CellFormat.Display(batch.Total, CellKind.Money)} as batch {batch.Id}.";
            return new JobOutcome(message, $"/Batches/Detail?id={batch.Id}");
        });
        return RedirectToPage("Progress", new { job = job.Id });
    }

    public IActionResult OnPostCancel()
    {
        uploads.Remove(Id);
        previews.Forget(Id);
        TempData["Message"] = "The upload was cancelled; nothing was stored.";
        return RedirectToPage("Index");
    }

    protected override async Task<IReadOnlyList<DataTable>> BuildTablesAsync(bool forExport, CancellationToken cancellationToken)
    {
        Upload = await uploads.FindAsync(Id, cancellationToken);
        if (Upload is null)
        {
            return [];
        }

        // The summary is kept for the upload and shown to whoever opens it (the uploader or an administrator), so a
        // same-file refusal in it is worded as the upload's own agency may see it: another agency's batch is named
        // only when published. The commit words its own refusal for the person committing.
        var request = ImportRequest(Upload, allowPartial: false) with { Viewer = Visibility.PublishedOrAgency(Upload.PlaceCode, Upload.Agency) };
        Period = request.Options.Period;
        if (await ReadAsync(Upload, request, cancellationToken) is not { } read)
        {
            return [];
        }

        (Result, Raw) = (read.Summary, read.Raw);
        var preview = Result.FirstLines.Take(PreviewLines);
        return
        [
            new DataTable(
                "validation-report",
                $"Validation report for {Upload.FileName}",
                [new DataColumn("File"), new DataColumn("Row", CellKind.Number), new DataColumn("Column"), new DataColumn("Value"), new DataColumn("Problem")],
                [.. Result.Errors.Select(e => (IReadOnlyList<DataCell>)[e.File, e.Row, e.Column, e.Value, e.Message])],
                Result.ErrorCount > Result.Errors.Count ? $"{Result.Errors.Count:N0} of {Dashboard.Labels.Count(Result.ErrorCount, "error")} listed" : Dashboard.Labels.Count(Result.ErrorCount, "error")),
            new DataTable(
                "preview",
                $"The first {PreviewLines} lines as read",
                [
                    new DataColumn("Date", CellKind.Date), new DataColumn("Amount", CellKind.Money), new DataColumn("Supplier"),
                    new DataColumn("Reference"), new DataColumn("Expense type"), new DataColumn("Expense area"), new DataColumn("Service code"),
                ],
                [.. preview.Select(t => (IReadOnlyList<DataCell>)
                [
                    new DataCell(t.Date), t.Amount, t.Supplier, t.Reference, t.ExpenseType, t.ExpenseArea, t.ServiceCode,
                ])],
                $"{Result.AcceptedCount:N0} valid lines"),
        ];
    }

    /// <summary>The upload's preview: kept from its background read, or read now in a background job that the request
    /// waits for at most <see cref="ReadWait"/>; null (with <see cref="Reading"/> set) when it is still being read.</summary>
    private async Task<UploadPreview?> ReadAsync(PendingUpload upload, ImportSpendFileRequest request, CancellationToken cancellationToken)
    {
        if (previews.Ready(upload) is { } ready)
        {
            return ready;
        }

        var job = previews.Start(upload, async (progress, ct) =>
        {
            var summary = await importer.SummariseAsync(request, PreviewLines, progress, ct);
            var raw = await ImportSpendFile.RawRowsAsync(request.File, RawRowsShown, ct);
            return new UploadPreview(summary, raw);
        });
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wait.CancelAfter(ReadWait);
            try
            {
                job = await jobs.WaitAsync(job.Id, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still reading: the page shows its progress and reloads when it has finished.
            }
        }

        Reading = jobs.Find(job.Id) ?? job;
        return previews.Ready(upload);
    }

    private ImportSpendFileRequest ImportRequest(PendingUpload upload, bool allowPartial) =>
        new(
            upload.PlaceCode,
            upload.Agency,
            upload.AgencyKind,
            uploads.Source(upload),
            Options(upload) with { AllowPartial = allowPartial },
            RememberMapping: upload.MappingJson is not null);

    private static SpendReadOptions Options(PendingUpload upload)
    {
        var options = upload.MappingJson is { } json && ColumnMapping.TryFromJson(json, "mapping", out var mapping, out _)
            ? new SpendReadOptions { Mapping = mapping }
            : SpendReadOptions.Default;
        return upload.Period is { } text && SpendPeriod.TryParse(text, out var period, out _) ? options with { Period = period } : options;
    }
}
