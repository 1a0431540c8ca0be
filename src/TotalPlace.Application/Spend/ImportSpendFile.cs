using System.Globalization;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Import;
using TotalPlace.Storage;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Application.Spend;

/// <summary>
/// Imports one published spend file into a place as one atomic, idempotent batch. <see cref="PreviewAsync"/> and
/// <see cref="CommitAsync"/> run the same reader with the same options and the same store rules, so a file the
/// review passes commits, and a file it refuses stores nothing.
/// </summary>
/// <remarks>The store's own rules (an amount must fit DECIMAL(18,4), see <see cref="StoreAmounts"/>) are applied
/// while previewing, not first met as a failed commit: a line the store would refuse is a reject in the report, with
/// its file, row and column. Files larger than <see cref="InMemoryLimit"/> are streamed at commit: the reader
/// hashes as it parses and the store completes the header after the last line.</remarks>
public sealed class ImportSpendFile(IPlaceStore store, TimeProvider clock)
{
    /// <summary>Files up to this size are read whole (one pass, exact counts before committing); larger files stream.</summary>
    public const long InMemoryLimit = 256L << 20;

    /// <summary>Reads and checks the file as the commit would, storing nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(ImportSpendFileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var content = await request.File.ReadAllAsync(cancellationToken);
        return Preview(request.File.Name, content, request.Options);
    }

    /// <summary>Reads, checks and stores the file: the place and agency are created when new, the accepted lines are
    /// committed as one batch (the rejects kept with it when partial loading was asked for), or nothing is stored.</summary>
    public async Task<ImportOutcome> CommitAsync(ImportSpendFileRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        progress ??= new Progress<ImportProgress>();
        progress.Report(new ImportProgress(0.02, "Preparing the place and agency"));
        await PrepareAsync(request, cancellationToken);
        if (request.File.Length > InMemoryLimit)
        {
            return await CommitStreamingAsync(request, progress, cancellationToken);
        }

        progress.Report(new ImportProgress(0.05, $"Reading {request.File.Name}"));
        var preview = await PreviewAsync(request, cancellationToken);
        if (preview.IsRejected)
        {
            return new ImportOutcome(preview.File, ImportStatus.Rejected, null, preview.Errors, preview.ErrorCount, preview.Notes);
        }

        progress.Report(new ImportProgress(0.3, "Storing"));
        var header = Header(request, preview.Read.Sha256, preview.RowsRead, request.Options.AllowPartial ? preview.Errors : []);
        var result = await store.Spend.CommitTransactionsAsync(header, Reporting(preview.Accepted, preview.Accepted.Count, 0.3, progress), cancellationToken);
        return Committed(request, preview.File, result, preview.Errors, preview.ErrorCount, preview.Notes);
    }

    /// <summary>The file as the commit would take it: the reader's result, less the lines the store would refuse,
    /// which become rejects like any other.</summary>
    internal static ImportPreview Preview(string name, byte[] content, SpendReadOptions options)
    {
        var read = SpendFileReader.Read(name, content, options);
        var accepted = new List<Transaction>(read.Transactions.Count);
        var refused = new List<ImportError>();
        var amountColumn = read.Mapping[Import.ColumnRole.Amount]?.Header is { Length: > 0 } header ? header : "amount";
        foreach (var line in read.Transactions)
        {
            if (StoreAmounts.Check(line.Amount) is { } problem)
            {
                refused.Add(new ImportError(name, line.SourceRow, amountColumn, line.Amount.ToString(CultureInfo.InvariantCulture), problem));
            }
            else
            {
                accepted.Add(line);
            }
        }

        var errors = refused.Count == 0
            ? read.Errors
            : [.. read.Errors.Concat(refused).OrderBy(e => e.Row).Take(Math.Max(options.MaxErrors, read.Errors.Count))];
        return new ImportPreview
        {
            Read = read,
            Accepted = accepted,
            Errors = errors,
            ErrorCount = read.ErrorCount + refused.Count,
            Notes = read.Notes,
            AllowPartial = options.AllowPartial,
        };
    }

    private async Task PrepareAsync(ImportSpendFileRequest request, CancellationToken cancellationToken)
    {
        await store.Places.EnsurePlaceAsync(request.PlaceCode, cancellationToken);
        if (request.AgencyKind is { } kind && !string.IsNullOrWhiteSpace(request.Agency))
        {
            await store.Places.EnsureAgencyAsync(request.PlaceCode, new Agency(request.Agency.Trim(), kind, Agency.DefaultFundingSource(kind)), cancellationToken);
        }
    }

    private async Task<ImportOutcome> CommitStreamingAsync(ImportSpendFileRequest request, IProgress<ImportProgress> progress, CancellationToken cancellationToken)
    {
        var name = request.File.Name;
        var file = await request.File.Open(cancellationToken);
        SpendFileStream stream;
        try
        {
            stream = SpendFileStream.Open(file, name, request.Options);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        using (stream)
        {
            var header = Header(request, sha256: string.Empty, rowsRead: 0, []);
            try
            {
                var committed = await store.Spend.CommitTransactionsAsync(
                    header,
                    Reporting(stream.Transactions, Math.Max(1, request.File.Length / 120), 0.05, progress),
                    h => h with
                    {
                        Sha256 = stream.Sha256,
                        RowsRead = stream.RowsRead,
                        Rejects = request.Options.AllowPartial ? Rejects(stream.Errors) : [],
                    },
                    cancellationToken);
                return Committed(request, name, committed, stream.Errors, stream.ErrorCount, stream.Notes);
            }
            catch (ImportRejectedException rejected)
            {
                return new ImportOutcome(name, ImportStatus.Rejected, null, rejected.Errors, rejected.ErrorCount, stream.Notes);
            }
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
            clock.GetUtcNow());

    /// <summary>The outcome of a commit. The idempotency key is the place and the file's SHA-256: the same bytes
    /// again for the same agency add nothing ("already imported"); the same bytes for another agency are refused,
    /// because one published file is almost never two partners' spend, and storing it twice would count its money
    /// twice while storing nothing would leave the second partner's spend silently missing.</summary>
    private static ImportOutcome Committed(ImportSpendFileRequest request, string name, BatchResult result, IReadOnlyList<ImportError> errors, int errorCount, IReadOnlyList<string> notes)
    {
        if (!result.AlreadyImported)
        {
            return new(name, ImportStatus.Imported, result.Batch, errors, errorCount, notes);
        }

        var existing = result.Batch;
        var agency = request.Agency.Trim();
        if (string.Equals(existing.Agency.Trim(), agency, StringComparison.OrdinalIgnoreCase))
        {
            return new(name, ImportStatus.AlreadyImported, existing, errors, errorCount, notes);
        }

        // Another agency's batch is named only to a caller who may see it (published, or their own place-wide view);
        // anyone else is told only that the bytes are already in the place, never its id, name or agency.
        var message = request.Viewer is { } viewer && viewer.CanSee(existing)
            ? string.Create(CultureInfo.InvariantCulture,
                $"the same file (identical bytes) is already stored for {existing.Agency} as batch {existing.Id} ({existing.FileName}); one published file is not stored for two agencies, so nothing was stored for {agency}: check that this is {agency}'s file")
            : $"the same file (identical bytes) is already stored in this place for another agency; one published file is not stored for two agencies, so nothing was stored for {agency}: check that this is {agency}'s file, or ask an administrator";
        var error = new ImportError(name, 0, string.Empty, string.Empty, message);
        return new(name, ImportStatus.Rejected, null, [error], 1, notes);
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
