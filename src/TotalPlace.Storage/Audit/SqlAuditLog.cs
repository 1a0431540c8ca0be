using System.Data.Common;
using System.Text;
using static TotalPlace.Storage.SqlCommands;

namespace TotalPlace.Storage.Audit;

/// <summary>The audit trail's read side and explicit records (migration 300), over the store's engine object. The SQL
/// is the same on both engines; each write path appends its own entry through <see cref="SqlAuditTrail"/>.</summary>
internal sealed class SqlAuditLog<TConnection>(ISqlEngine<TConnection> engine) : IAuditLog
    where TConnection : DbConnection
{
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

        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var total = await ScalarAsync<long>(connection, "SELECT count(*) FROM audit_log" + where, cancellationToken, [.. parameters]);
        var n = parameters.Count;
        var items = await QueryAsync(
            connection,
            $"SELECT {SqlAuditTrail.Columns} FROM audit_log{where} ORDER BY occurred_at DESC, audit_id DESC LIMIT ${n + 1} OFFSET ${n + 2}",
            SqlAuditTrail.ReadEntry,
            cancellationToken,
            [.. parameters, (long)query.PageSize, (long)(query.PageNumber - 1) * query.PageSize]);
        return new Page<AuditEntry>(items, query.PageNumber, query.PageSize, total);
    }

    /// <inheritdoc/>
    public Task<AuditEntry> RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return engine.WriteAsync(c => SqlAuditTrail.AppendAsync(c, record, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> ListActorsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await QueryAsync(connection, "SELECT DISTINCT actor FROM audit_log ORDER BY actor", r => r.GetString(0), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<AuditVerification> VerifyAuditChainAsync(string? expectHead = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var entries = await QueryAsync(connection, $"SELECT {SqlAuditTrail.Columns} FROM audit_log ORDER BY audit_id, place_code", SqlAuditTrail.ReadEntry, cancellationToken);
        return AuditChain.Verify(entries, expectHead);
    }
}
