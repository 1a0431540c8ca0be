namespace TotalPlace.Storage;

/// <summary>The engines a store can live in.</summary>
public enum StoreEngineKind
{
    /// <summary>The embedded engine: one DuckDB file.</summary>
    DuckDb,

    /// <summary>The server engine: a PostgreSQL database.</summary>
    Postgres,
}
