using System.Data.Common;
using System.Text;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Storage;

/// <summary>The audit trail (migration 300): written by each write path inside its own transaction, read with filters
/// and paging. The SQL is the same on both engines.</summary>
public abstract partial class SqlPlaceStore<TConnection> : IAuditLog
{
    private const string AuditColumns = "audit_id, occurred_at, actor, action, subject_kind, subject_id, place_code, agency, summary, details, prev_hash, entry_hash";

    /// <summary>The migration that added the hash chain; entries older than it are sealed when it is applied.</summary>
    private protected const int AuditChainMigration = 310;

    /// <inheritdoc/>
    public async Task<Page<AuditEntry>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageNumber < 1)
        {
            throw new ArgumentException($"The page number must be 1 or more; it was {query.PageNumber}.", nameof(query));
        }

        if (query.PageSize is < 1 or > AuditQuery.MaxPageSize)
        {
            throw new ArgumentException($"The page size must be between 1 and {AuditQuery.MaxPageSize}; it was {query.PageSize}.", nameof(query));
        }

        if (query.Since is { } since && query.Until is { } until && since > until)
        {
            throw new ArgumentException($"Since ({since:O}) must not be after until ({until:O}).", nameof(query));
        }

        var where = new StringBuilder();
        var parameters = new List<object?>();
        void Filter(string condition, object value)
        {
            parameters.Add(value);
            where.Append(where.Length == 0 ? " WHERE " : " AND ").Append(condition.Replace("$?", "$" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        if (!string.IsNullOrWhiteSpace(query.PlaceCode))
        {
            Filter("place_code = $?", CheckCode(query.PlaceCode));
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            Filter("lower(actor) = lower($?)", query.Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            Filter("action = $?", query.Action.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.SubjectKind))
        {
            Filter("subject_kind = $?", query.SubjectKind.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.SubjectId))
        {
            Filter("subject_id = $?", query.SubjectId.Trim());
        }

        if (query.Since is { } from)
        {
            Filter("occurred_at >= $?", from.UtcDateTime);
        }

        if (query.Until is { } to)
        {
            Filter("occurred_at < $?", to.UtcDateTime);
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        var total = await ScalarAsync<long>(connection, "SELECT count(*) FROM audit_log" + where, cancellationToken, [.. parameters]);
        var n = parameters.Count;
        var items = await QueryAsync(
            connection,
            $"SELECT {AuditColumns} FROM audit_log{where} ORDER BY occurred_at DESC, audit_id DESC LIMIT ${n + 1} OFFSET ${n + 2}",
            ReadAuditEntry,
            cancellationToken,
            [.. parameters, (long)query.PageSize, (long)(query.PageNumber - 1) * query.PageSize]);
        return new Page<AuditEntry>(items, query.PageNumber, query.PageSize, total);
    }

    /// <inheritdoc/>
    public Task<AuditEntry> RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return WriteAsync(c => AuditAsync(c, record, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> ListActorsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await QueryAsync(connection, "SELECT DISTINCT actor FROM audit_log ORDER BY actor", r => r.GetString(0), cancellationToken);
    }

    /// <summary>Appends one audit entry inside the caller's transaction (every write path calls this last, so the entry
    /// and the change it records are committed or rolled back together). The actor is resolved by
    /// <see cref="AuditActor.Resolve"/>; the time is now, UTC.</summary>
    private protected static async Task<AuditEntry> AuditAsync(TConnection connection, AuditRecord record, CancellationToken cancellationToken)
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
            $"INSERT INTO audit_log ({AuditColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
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
    private protected static async Task AuditIfAsync(TConnection connection, AuditRecord? record, CancellationToken cancellationToken)
    {
        if (record is not null)
        {
            await AuditAsync(connection, record, cancellationToken);
        }
    }

    private static AuditEntry ReadAuditEntry(DbDataReader r) => new(
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

    /// <inheritdoc/>
    public async Task<AuditVerification> VerifyAuditChainAsync(string? expectHead = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var entries = await QueryAsync(connection, $"SELECT {AuditColumns} FROM audit_log ORDER BY audit_id, place_code", ReadAuditEntry, cancellationToken);
        return AuditChain.Verify(entries, expectHead);
    }

    /// <summary>Seals the entries written before the hash chain existed (migration 310), in id order, inside the
    /// migration's transaction; runs once, when that migration is applied, so an entry added later without a hash is
    /// never sealed (verification reports it instead).</summary>
    private protected async Task SealAuditChainAsync(TConnection connection, CancellationToken cancellationToken)
    {
        var entries = await QueryAsync(connection, $"SELECT {AuditColumns} FROM audit_log ORDER BY audit_id, place_code", ReadAuditEntry, cancellationToken);
        if (entries.Count == 0)
        {
            return;
        }

        await BeforeSealingAsync(connection, cancellationToken);
        var previous = AuditChain.Genesis;
        foreach (var entry in entries)
        {
            var hash = AuditChain.Hash(entry, previous);
            await ExecuteAsync(
                connection,
                "UPDATE audit_log SET prev_hash = $1, entry_hash = $2 WHERE place_code = $3 AND audit_id = $4",
                cancellationToken,
                previous,
                hash,
                entry.PlaceCode,
                entry.Id);
            previous = hash;
        }

        await AfterSealingAsync(connection, cancellationToken);
    }

    /// <summary>Lets the sealing UPDATE past an engine's append-only guard (PostgreSQL's trigger), inside the
    /// migration's transaction.</summary>
    private protected virtual Task BeforeSealingAsync(TConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Puts the guard back before the migration commits.</summary>
    private protected virtual Task AfterSealingAsync(TConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;
}
