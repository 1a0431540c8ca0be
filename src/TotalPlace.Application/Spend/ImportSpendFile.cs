using System.Globalization;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Import;
using TotalPlace.Storage;
using TotalPlace.Storage.Audit;
using TotalPlace.Storage.Imports;

namespace TotalPlace.Application.Spend;

/// <summary>
/// Imports one published spend file into a place as one atomic, idempotent batch. <see cref="PreviewAsync"/> and
/// <see cref="CommitAsync"/> run the same streaming reader with the same options and the same store rules, so a file
/// the review passes commits, and a file it refuses stores nothing.
/// </summary>
/// <remarks>
/// <para>One path for every size: the commit reads the file once, front to back, checking each line and handing it
/// to the store's bulk writer inside one database transaction (the reader hashes as it parses; the store completes
/// the batch header after the last line). Nothing holds the whole file or its lines, so memory does not grow with
/// the file. A file with problems throws at its end (unless partial loading was asked for) and the transaction rolls
/// back.</para>
/// <para>The store's own rules (an amount must fit DECIMAL(18,4), see <see cref="StoreAmounts"/>) are applied while
/// reading, not first met as a failed commit: a line the store would refuse is a reject in the report, with its file,
/// row and column.</para>
/// <para>Remembered mappings: when the request gives no mapping, the first rows of the file are matched (by
/// <see cref="HeaderSignature"/>) against the mappings remembered for the agency, and a match is read with that
/// mapping, its header row moved to where this file has the header; the notes say so. A committed file read with a
/// mapping the user gave is remembered when <see cref="ImportSpendFileRequest.RememberMapping"/> is set.</para>
/// </remarks>
public sealed class ImportSpendFile(IPlaceStore store, TimeProvider clock)
{
    /// <summary>How many rows at the start of a file are looked at for a header a mapping was remembered for.</summary>
    public const int HeaderSearchRows = 50;

    /// <summary>Reads and checks the file as the commit would, storing nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(ImportSpendFileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (options, remembered) = await ResolveAsync(request, cancellationToken);
        SpendFileResult read;
        await using (var content = await request.File.Open(cancellationToken))
        {
            read = SpendFileReader.Read(request.File.Name, content, options);
        }

        return await WithSameFileAsync(request, Preview(read, options, remembered), cancellationToken);
    }

    /// <summary>The preview with the commit's same-file answer added, so the review says it before the user presses
    /// commit: the same bytes already stored for this agency add nothing (a note); the same bytes stored for another
    /// agency are refused (an error for the whole file, row 0), in the commit's words and under its visibility rule,
    /// unless both are nil returns, which each agency stores for itself.</summary>
    private async Task<ImportPreview> WithSameFileAsync(ImportSpendFileRequest request, ImportPreview preview, CancellationToken cancellationToken)
    {
        var nilReturn = preview.Read.Transactions.Count == 0 && preview.ErrorCount == 0;
        return await SameFileAsync(request, preview.File, preview.Sha256, nilReturn, cancellationToken) switch
        {
            { Note: { } note } => preview with { Notes = [.. preview.Notes, note] },
            { Error: { } error } => preview with { Errors = [error, .. preview.Errors], ErrorCount = preview.ErrorCount + 1 },
            _ => preview,
        };
    }

    /// <summary>The commit's same-file rule, for a preview or a summary: a note when this agency already holds the
    /// bytes, an error when another agency does (unless both are nil returns), or neither.</summary>
    private async Task<(string? Note, ImportError? Error)> SameFileAsync(ImportSpendFileRequest request, string fileName, string sha256, bool nilReturn, CancellationToken cancellationToken)
    {
        var code = request.PlaceCode.Trim().ToUpperInvariant();
        if (string.IsNullOrWhiteSpace(request.Agency) || string.IsNullOrEmpty(sha256) || !Place.IsGssCode(code))
        {
            return (null, null);
        }

        // The store's same-file key (migration 020), the commit's own rule: a batch of any kind, the agency's own first,
        // nothing when this file and every batch of its bytes are nil returns (each agency stores its own).
        var agency = request.Agency.Trim();
        if (await store.Spend.FindBatchBySha256Async(code, sha256, agency, nilReturn, cancellationToken) is not { } existing)
        {
            return (null, null);
        }

        if (string.Equals(existing.Agency.Trim(), agency, StringComparison.OrdinalIgnoreCase))
        {
            return (string.Create(CultureInfo.InvariantCulture, $"already imported as batch {existing.Id} ({existing.FileName}): committing adds nothing"), null);
        }

        return (null, SameFileError(request, fileName, existing));
    }

    /// <summary>Reads and checks the file as <see cref="PreviewAsync"/> does (the same reader, options, remembered
    /// mapping and store rules, so the same counts, total and problems), keeping only the first
    /// <paramref name="keepLines"/> accepted lines: memory stays bounded by the reader's buffers, not the file.</summary>
    public async Task<ImportSummary> SummariseAsync(ImportSpendFileRequest request, int keepLines, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(keepLines);
        progress ??= new Progress<ImportProgress>();
        progress.Report(new ImportProgress(0.02, $"Reading {request.File.Name}"));
        var (options, remembered) = await ResolveAsync(request, cancellationToken);
        var first = new List<Transaction>(Math.Min(keepLines, 1024));
        var refused = new List<ImportError>();
        var accepted = 0;
        var total = 0m;
        var expected = Math.Max(1, request.File.Length / 120);
        SpendFileResult read;
        await using (var content = await request.File.Open(cancellationToken))
        {
            read = SpendFileReader.Scan(
                request.File.Name,
                content,
                options,
                line =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // The column is named once the read has settled the mapping, below.
                    if (Refusal(request.File.Name, line, string.Empty) is { } problem)
                    {
                        refused.Add(problem);
                        return;
                    }

                    if (first.Count < keepLines)
                    {
                        first.Add(line);
                    }

                    total += line.Amount;
                    if (++accepted % 5_000 == 0)
                    {
                        progress.Report(new ImportProgress(Math.Min(0.99, 0.05 + (0.94 * accepted / expected)), string.Create(CultureInfo.InvariantCulture, $"Read {accepted:N0} lines")));
                    }
                },
                () =>
                {
                    first.Clear();
                    refused.Clear();
                    accepted = 0;
                    total = 0m;
                });
        }

        var amountColumn = AmountColumn(read.Mapping);
        refused = [.. refused.Select(e => e with { Column = amountColumn })];
        progress.Report(new ImportProgress(1, string.Create(CultureInfo.InvariantCulture, $"Read {read.RowsRead:N0} rows")));
        var summary = new ImportSummary
        {
            Read = read,
            FirstLines = first,
            AcceptedCount = accepted,
            AcceptedTotal = total,
            Errors = Merge(read.Errors, refused, options),
            ErrorCount = read.ErrorCount + refused.Count,
            RowsRejected = read.RowsRejected + refused.Count,
            Notes = WithRemembered(read.Notes, remembered),
            AllowPartial = options.AllowPartial,
            Remembered = remembered,
            Options = options,
        };
        var nilReturn = accepted == 0 && summary.ErrorCount == 0;
        return await SameFileAsync(request, read.FileName, read.Sha256, nilReturn, cancellationToken) switch
        {
            { Note: { } note } => summary with { Notes = [.. summary.Notes, note] },
            { Error: { } error } => summary with { Errors = [error, .. summary.Errors], ErrorCount = summary.ErrorCount + 1 },
            _ => summary,
        };
    }

    /// <summary>The first rows of the file exactly as written, for the wizard that lets a person point at the header
    /// row and pick columns.</summary>
    public static async Task<RawRows> RawRowsAsync(SpendFileSource file, int rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var content = await file.Open(cancellationToken);
        return RawRows.Read(content, rows);
    }

    /// <summary>Reads, checks and stores the file in one streaming pass: the place and agency are created when new
    /// (inside the commit's transaction, so a refused file leaves neither), the accepted lines are committed as one batch (the rejects kept with it when partial loading was asked for), or
    /// nothing is stored.</summary>
    public async Task<ImportOutcome> CommitAsync(ImportSpendFileRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        progress ??= new Progress<ImportProgress>();
        var (options, remembered) = await ResolveAsync(request, cancellationToken);
        progress.Report(new ImportProgress(0.05, $"Reading {request.File.Name}"));
        var outcome = await CommitStreamingAsync(request, options, remembered, progress, cancellationToken);
        if (outcome.Batch is not null && request.RememberMapping && request.Options.Mapping is not null && outcome.Mapping is { } used)
        {
            await RememberAsync(request, used, cancellationToken);
        }

        return outcome.Outcome;
    }

    /// <summary>The file as the commit would take it: the reader's result, less the lines the store would refuse,
    /// which become rejects like any other.</summary>
    internal static ImportPreview Preview(SpendFileResult read, SpendReadOptions options, RememberedMapping? remembered = null)
    {
        var name = read.FileName;
        var accepted = new List<Transaction>(read.Transactions.Count);
        var refused = new List<ImportError>();
        var amountColumn = AmountColumn(read.Mapping);
        foreach (var line in read.Transactions)
        {
            if (Refusal(name, line, amountColumn) is { } problem)
            {
                refused.Add(problem);
            }
            else
            {
                accepted.Add(line);
            }
        }

        return new ImportPreview
        {
            Read = read,
            Accepted = accepted,
            Errors = Merge(read.Errors, refused, options),
            ErrorCount = read.ErrorCount + refused.Count,
            Notes = WithRemembered(read.Notes, remembered),
            AllowPartial = options.AllowPartial,
            Remembered = remembered,
            Options = options,
        };
    }

    /// <summary>The note that says a remembered mapping was used.</summary>
    public static string RememberedNote(RememberedMapping remembered)
    {
        ArgumentNullException.ThrowIfNull(remembered);
        return string.Create(CultureInfo.InvariantCulture,
            $"mapping remembered from {remembered.FileName} ({remembered.SavedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, by {remembered.SavedBy}) for {remembered.Agency}'s files with this header");
    }

    private static IReadOnlyList<string> WithRemembered(IReadOnlyList<string> notes, RememberedMapping? remembered) =>
        remembered is null ? notes : [RememberedNote(remembered), .. notes];

    private static ImportError? Refusal(string name, Transaction line, string amountColumn) =>
        StoreAmounts.Check(line.Amount) is { } problem
            ? new ImportError(name, line.SourceRow, amountColumn, line.Amount.ToString(CultureInfo.InvariantCulture), problem)
            : null;

    /// <summary>The published header of the amount column, so a refusal names the column as the file does.</summary>
    private static string AmountColumn(Import.ColumnMapping? mapping) =>
        mapping?[Import.ColumnRole.Amount]?.Header is { Length: > 0 } header ? header : "amount";

    private static IReadOnlyList<ImportError> Merge(IReadOnlyList<ImportError> read, List<ImportError> refused, SpendReadOptions options) =>
        refused.Count == 0
            ? read
            : [.. read.Concat(refused).OrderBy(e => e.Row).Take(Math.Max(options.MaxErrors, read.Count))];

    /// <summary>The options to read the file with: the request's, or, when it gives no mapping, the mapping
    /// remembered for the agency and a header found in the file's first rows.</summary>
    private async Task<(SpendReadOptions Options, RememberedMapping? Remembered)> ResolveAsync(ImportSpendFileRequest request, CancellationToken cancellationToken)
    {
        if (request.Options.Mapping is not null || !request.UseRememberedMapping || string.IsNullOrWhiteSpace(request.Agency) || !Place.IsGssCode(request.PlaceCode.Trim().ToUpperInvariant()))
        {
            return (request.Options, null);
        }

        var agency = request.Agency.Trim();
        var kept = (await store.Mappings.ListMappingsAsync(request.PlaceCode, cancellationToken))
            .Where(m => string.Equals(m.Agency.Trim(), agency, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (kept.Count == 0)
        {
            return (request.Options, null); // nothing remembered for this publisher: the file is read once, not peeked at
        }

        var raw = await RawRowsAsync(request.File, HeaderSearchRows, cancellationToken);
        var signatures = raw.Rows.Select(r => r.Signature).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (signatures.Count == 0)
        {
            return (request.Options, null);
        }

        var found = await store.Mappings.FindMappingAsync(request.PlaceCode, request.Agency, signatures, cancellationToken);
        if (found is null || !ColumnMapping.TryFromJson(found.MappingJson, "remembered mapping", out var mapping, out _))
        {
            return (request.Options, null);
        }

        var line = raw.Rows.First(r => string.Equals(r.Signature, found.HeaderSignature, StringComparison.Ordinal)).Line;
        return (request.Options with { Mapping = mapping with { HeaderRow = line } }, found);
    }

    private async Task RememberAsync(ImportSpendFileRequest request, ColumnMapping used, CancellationToken cancellationToken)
    {
        if (used.HeaderRow is not > 0 || string.IsNullOrWhiteSpace(request.Agency))
        {
            return; // a file with no header row has nothing to recognise it by
        }

        var raw = await RawRowsAsync(request.File, Math.Max(HeaderSearchRows, used.HeaderRow.Value), cancellationToken);
        if (raw.At(used.HeaderRow.Value) is not { Signature: { } signature } header)
        {
            return;
        }

        await store.Mappings.SaveMappingAsync(
            new RememberedMapping(
                request.PlaceCode.Trim().ToUpperInvariant(),
                request.Agency.Trim(),
                signature,
                string.Join('\n', header.Cells),
                used.ToJson(),
                request.File.Name,
                AuditActor.Resolve(request.ImportedBy),
                clock.GetUtcNow()),
            cancellationToken);
    }

    private async Task<(ImportOutcome Outcome, ImportBatch? Batch, ColumnMapping? Mapping)> CommitStreamingAsync(
        ImportSpendFileRequest request, SpendReadOptions options, RememberedMapping? remembered, IProgress<ImportProgress> progress, CancellationToken cancellationToken)
    {
        var name = request.File.Name;
        var file = await request.File.Open(cancellationToken);
        SpendFileStream stream;
        try
        {
            stream = SpendFileStream.Open(file, name, options);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        using (stream)
        {
            var checking = new Checking();
            var refused = checking.Refused;
            var header = Header(request, sha256: string.Empty, rowsRead: 0, []);
            try
            {
                var committed = await store.Spend.CommitTransactionsAsync(
                    header,
                    Reporting(Checked(stream, checking, options), Math.Max(1, request.File.Length / 120), 0.05, progress),
                    h => h with
                    {
                        Sha256 = stream.Sha256,
                        RowsRead = stream.RowsRead,
                        Rejects = options.AllowPartial ? Rejects(Merge(stream.Errors, refused, options)) : [],
                    },
                    cancellationToken);
                var outcome = Committed(request, name, committed, Merge(stream.Errors, refused, options), stream.ErrorCount + refused.Count, WithRemembered(stream.Notes, remembered), remembered);
                return (outcome, outcome.Batch, stream.Mapping);
            }
            catch (ImportRejectedException rejected) when (checking.Threw)
            {
                // The checking step refused the file: its exception already counts the reader's errors and the lines
                // the store would refuse, once each.
                return (new ImportOutcome(name, ImportStatus.Rejected, null, rejected.Errors, rejected.ErrorCount, WithRemembered(stream.Notes, remembered), remembered), null, null);
            }
            catch (ImportRejectedException rejected)
            {
                // The reader refused the file: add the lines the store would refuse that the checking step had met.
                var errors = Merge(rejected.Errors, checking.Refused, options);
                var count = rejected.ErrorCount + checking.Refused.Count;
                return (new ImportOutcome(name, ImportStatus.Rejected, null, errors, count, WithRemembered(stream.Notes, remembered), remembered), null, null);
            }
        }
    }

    /// <summary>What the checking step met: the lines the store would refuse, and whether it refused the file itself
    /// (so a refusal is counted once, not again by the caller).</summary>
    private sealed class Checking
    {
        public List<ImportError> Refused { get; } = [];

        public bool Threw { get; set; }
    }

    /// <summary>The stream's lines less those the store would refuse (kept in <paramref name="checking"/>); throws
    /// <see cref="ImportRejectedException"/> at the end when any were refused and partial loading is off, or when
    /// partial loading would keep no line at all, so the store's transaction rolls back.</summary>
    private static IEnumerable<Transaction> Checked(SpendFileStream stream, Checking checking, SpendReadOptions options)
    {
        var refused = checking.Refused;
        var kept = 0;
        string? amountColumn = null;
        foreach (var line in stream.Transactions)
        {
            amountColumn ??= AmountColumn(stream.Mapping);
            if (Refusal(stream.FileName, line, amountColumn) is { } problem)
            {
                refused.Add(problem);
                continue;
            }

            kept++;
            yield return line;
        }

        if (refused.Count > 0 && (!options.AllowPartial || kept == 0))
        {
            var errors = Merge(stream.Errors, refused, options);
            checking.Threw = true;
            throw new ImportRejectedException(stream.FileName, errors, stream.ErrorCount + refused.Count);
        }
    }

    private BatchHeader Header(ImportSpendFileRequest request, string sha256, int rowsRead, IReadOnlyList<ImportError> rejects) =>
        new(
            request.PlaceCode,
            request.Agency?.Trim() ?? string.Empty,
            request.File.Name,
            sha256,
            rowsRead,
            Rejects(rejects),
            AuditActor.Resolve(request.ImportedBy),
            clock.GetUtcNow())
        {
            // The store creates the place and the agency inside the commit's transaction: a refused file leaves neither.
            AgencyKind = string.IsNullOrWhiteSpace(request.Agency) ? null : request.AgencyKind,
        };

    /// <summary>The outcome of a commit. The idempotency key is the place and the file's SHA-256: the same bytes
    /// again for the same agency add nothing ("already imported"); the same bytes for another agency are refused,
    /// because one published file is almost never two partners' spend, and storing it twice would count its money
    /// twice while storing nothing would leave the second partner's spend silently missing. The one exception is a
    /// nil return (a header and no lines): two partners may publish identical ones, and the store keeps each.</summary>
    private static ImportOutcome Committed(ImportSpendFileRequest request, string name, BatchResult result, IReadOnlyList<ImportError> errors, int errorCount, IReadOnlyList<string> notes, RememberedMapping? remembered)
    {
        if (!result.AlreadyImported)
        {
            return new(name, ImportStatus.Imported, result.Batch, errors, errorCount, notes, remembered);
        }

        var existing = result.Batch;
        var agency = request.Agency.Trim();
        if (string.Equals(existing.Agency.Trim(), agency, StringComparison.OrdinalIgnoreCase))
        {
            return new(name, ImportStatus.AlreadyImported, existing, errors, errorCount, notes, remembered);
        }

        return new(name, ImportStatus.Rejected, null, [SameFileError(request, name, existing)], 1, notes, remembered);
    }

    /// <summary>The refusal of the same bytes already stored for another agency, in one wording for the review and the
    /// commit. Another agency's batch is named only to a caller who may see it (published, or their own place-wide
    /// view); anyone else is told only that the bytes are already in the place, never its id, name or agency.</summary>
    private static ImportError SameFileError(ImportSpendFileRequest request, string name, ImportBatch existing)
    {
        var agency = request.Agency.Trim();
        var message = request.Viewer is { } viewer && viewer.CanSee(existing)
            ? string.Create(CultureInfo.InvariantCulture,
                $"the same file (identical bytes) is already stored for {existing.Agency} as batch {existing.Id} ({existing.FileName}); one published file is not stored for two agencies, so nothing was stored for {agency}: check that this is {agency}'s file")
            : $"the same file (identical bytes) is already stored in this place for another agency; one published file is not stored for two agencies, so nothing was stored for {agency}: check that this is {agency}'s file, or ask an administrator";
        return new ImportError(name, 0, string.Empty, string.Empty, message);
    }

    private static BatchReject[] Rejects(IReadOnlyList<ImportError> errors) =>
        [.. errors.Select(e => new BatchReject(e.Row, e.Column, e.Value, e.Message))];

    private static IEnumerable<Transaction> Reporting(IEnumerable<Transaction> lines, long expected, double from, IProgress<ImportProgress> progress)
    {
        long count = 0;
        foreach (var line in lines)
        {
            yield return line;
            if (++count % 5_000 == 0)
            {
                var fraction = Math.Min(0.99, from + ((0.99 - from) * count / Math.Max(1, expected)));
                progress.Report(new ImportProgress(fraction, string.Create(CultureInfo.InvariantCulture, $"Storing line {count:N0}")));
            }
        }

        progress.Report(new ImportProgress(1, "Committed"));
    }
}
