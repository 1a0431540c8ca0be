using TotalPlace.Import;
using TotalPlace.Storage;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Application.Spend;

/// <summary>Imports one file of spend statements as one atomic, idempotent batch, or nothing.</summary>
public sealed class ImportStatementFile(IPlaceStore store, TimeProvider clock)
{
    /// <summary>Reads, checks and stores the file.</summary>
    public async Task<ImportOutcome> CommitAsync(ImportStatementFileRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.File.Name;
        var read = StatementFileReader.Read(name, await request.File.ReadAllAsync(cancellationToken));

        // A file-level problem (row 0: unreadable, no header) rejects the file either way: there are no valid rows.
        if (read.Errors.Count > 0 && (!request.AllowPartial || read.Errors.Any(e => e.Row == 0)))
        {
            return new ImportOutcome(name, ImportStatus.Rejected, null, read.Errors, read.Errors.Count, read.Notes);
        }

        var header = new BatchHeader(
            request.PlaceCode,
            request.Agency?.Trim() ?? string.Empty,
            name,
            read.Sha256,
            read.RowsRead,
            request.AllowPartial ? [.. read.Errors.Select(e => new BatchReject(e.Row, e.Column, e.Value, e.Message))] : [],
            AuditActor.Resolve(request.ImportedBy),
            clock.GetUtcNow());
        var result = await store.Spend.CommitStatementsAsync(header, read.Statements, cancellationToken);
        return new ImportOutcome(name, result.AlreadyImported ? ImportStatus.AlreadyImported : ImportStatus.Imported, result.Batch, read.Errors, read.Errors.Count, read.Notes);
    }
}
