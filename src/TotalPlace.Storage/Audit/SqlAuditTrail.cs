using System.Data.Common;
using static TotalPlace.Storage.SqlCommands;

namespace TotalPlace.Storage.Audit;

/// <summary>Writing the audit trail (migration 300, hash chain 310) inside a caller's transaction, shared by every
/// area store so that each change and its entry commit or roll back together. Portable SQL.</summary>
internal static class SqlAuditTrail
{
    public const string Columns = "audit_id, occurred_at, actor, action, subject_kind, subject_id, place_code, agency, summary, details, prev_hash, entry_hash";

    /// <summary>Appends one audit entry inside the caller's transaction (every write path calls this last, so the entry
    /// and the change it records are committed or rolled back together). The actor is resolved by
    /// <see cref="AuditActor.Resolve"/>; the time is now, UTC.</summary>
    public static async Task<AuditEntry> AppendAsync(DbConnection connection, AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Action);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.SubjectKind);
        ArgumentNullException.ThrowIfNull(record.SubjectId);
        // Microseconds: what both engines keep, so the entry returned equals the entry read back.
        var now = DateTime.UtcNow;
        var at = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
        // Every write holds the store's writer lock (DuckDB: one writer per file; PostgreSQL: the transaction's advisory
        // lock), so the head read here is the head this entry follows and ids grow in chain order.
        var id = await ScalarAsync<long>(connection, "SELECT nextval('audit_id')", cancellationToken);
        var previous = (await QueryAsync(
            connection,
            "SELECT entry_hash FROM audit_log ORDER BY audit_id DESC, place_code DESC LIMIT 1",
            r => r.IsDBNull(0) ? null : r.GetString(0),
            cancellationToken)).FirstOrDefault() ?? AuditChain.Genesis;
        var unhashed = new AuditEntry(
            id,
            new DateTimeOffset(at),
            AuditActor.Resolve(record.NamedActor),
            record.Action.Trim(),
            record.SubjectKind.Trim(),
            record.SubjectId,
            record.PlaceCode?.Trim().ToUpperInvariant() ?? "",
            record.Agency?.Trim() ?? "",
            record.Summary ?? "",
            (record.Details ?? []).ToJsonString());
        var entry = unhashed with { PreviousHash = previous, Hash = AuditChain.Hash(unhashed, previous) };
        await ExecuteAsync(
            connection,
            $"INSERT INTO audit_log ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            cancellationToken,
            entry.Id,
            at,
            entry.Actor,
            entry.Action,
            entry.SubjectKind,
            entry.SubjectId,
            entry.PlaceCode,
            entry.Agency,
            entry.Summary,
            entry.Details,
            entry.PreviousHash,
            entry.Hash);
        return entry;
    }

    /// <summary>Appends the entry when there is one (an edit that changed nothing has none).</summary>
    public static async Task AppendIfAsync(DbConnection connection, AuditRecord? record, CancellationToken cancellationToken)
    {
        if (record is not null)
        {
            await AppendAsync(connection, record, cancellationToken);
        }
    }

    public static AuditEntry ReadEntry(DbDataReader r) => new(
        Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
        new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc)),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        r.GetString(6),
        r.GetString(7),
        r.GetString(8),
        r.GetString(9))
    {
        PreviousHash = r.IsDBNull(10) ? null : r.GetString(10),
        Hash = r.IsDBNull(11) ? null : r.GetString(11),
    };
}
