namespace TotalPlace.Storage;

public abstract partial class SqlPlaceStore<TConnection>
{
    /// <summary>One round trip: the place's import batches (count, newest id, rows, total), its populations, and the
    /// newest audit entry about the place or the whole store; every value as text, so both engines answer alike. Each
    /// part is its own uncorrelated subquery filtered by the place, with no outer FROM: the shape Citus can plan when
    /// the batch and population tables are distributed and the place table is a reference table.</summary>
    private const string ChangeStampSql =
        "SELECT " +
        "CAST((SELECT count(*) FROM import_batch b JOIN place p ON p.place_id = b.place_id WHERE p.code = $1) AS TEXT), " +
        "CAST((SELECT coalesce(max(b.batch_id), 0) FROM import_batch b JOIN place p ON p.place_id = b.place_id WHERE p.code = $1) AS TEXT), " +
        "CAST((SELECT coalesce(sum(b.rows_loaded), 0) FROM import_batch b JOIN place p ON p.place_id = b.place_id WHERE p.code = $1) AS TEXT), " +
        "CAST((SELECT coalesce(sum(b.total), 0) FROM import_batch b JOIN place p ON p.place_id = b.place_id WHERE p.code = $1) AS TEXT), " +
        "(SELECT string_agg(CAST(pp.census_year AS TEXT) || '=' || CAST(pp.population AS TEXT), ',' ORDER BY pp.census_year) " +
        "FROM place_population pp JOIN place p ON p.place_id = pp.place_id WHERE p.code = $1), " +
        "CAST((SELECT coalesce(max(a.audit_id), 0) FROM audit_log a WHERE a.place_code IN ($1, '')) AS TEXT)";

    /// <inheritdoc/>
    /// <remarks>Built from what the store says, in one query: the place's import batches (count, newest id, rows,
    /// total), its population, and the newest audit entry about the place or the whole store. The audit entry is what
    /// moves when the counted figures change without a batch being added or removed: a batch published or withdrawn
    /// (what a reader may count), lines reclassified, an agency or theme renamed; every such write records one in its
    /// own transaction. An engine with a cheaper signal (the embedded engine's file stamp) overrides it.</remarks>
    public virtual async Task<string> ChangeStampAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var place = SqlCommands.CheckCode(placeCode);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var parts = await SqlCommands.QueryAsync(
            connection,
            ChangeStampSql,
            reader => $"b{reader[0]}:{reader[1]}:{reader[2]}:{reader[3]}:p{(reader.IsDBNull(4) ? "" : reader.GetString(4))}:a{reader[5]}",
            cancellationToken,
            place);
        return parts[0];
    }
}
