using System.Data.Common;
using TotalPlace.Core.Places;

namespace TotalPlace.Storage;

/// <summary>The one engine object the area stores share: connections, the serialised writer, and the place row every
/// area's rows hang from. An area class (<c>SqlWasteStore</c>, <c>SqlPartnershipStore</c>, …) takes this and nothing
/// else of the store, so it never reaches another area's state.</summary>
/// <typeparam name="TConnection">The engine's ADO.NET connection.</typeparam>
internal interface ISqlEngine<TConnection>
    where TConnection : DbConnection
{
    /// <summary>Opens a new connection to the store (for reads; dispose it when done).</summary>
    Task<TConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction, serialised with every other writer to the store;
    /// rolls back when it throws.</summary>
    Task<T> WriteAsync<T>(Func<TConnection, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Finds or creates the place inside the caller's transaction (a new place gets its ONS name and
    /// population and the default classification rules).</summary>
    Task<(Place Place, int Id)> EnsurePlaceAsync(TConnection connection, string code, CancellationToken cancellationToken);

    /// <summary>Starts the engine's bulk load into <paramref name="table"/> (DuckDB's appender, PostgreSQL's binary
    /// COPY), whose columns the rows fill in order.</summary>
    IBulkWriter BeginBulk(TConnection connection, string table);

    /// <summary>Bulk loads the lines <paramref name="pipeline"/> reads into <paramref name="table"/>, each row filled by
    /// <paramref name="writeRow"/> with every column in order (no CreateRow/EndRow: the engine frames the row). An
    /// engine may fill rows on several threads at once, so <paramref name="writeRow"/> must only read shared state.
    /// Returns the number of rows stored, once every block has been taken; the caller then awaits the pipeline for what
    /// ended the reading and checks that count against the lines read.</summary>
    Task<long> AppendBlocksAsync(TConnection connection, string table, LinePipeline pipeline, Action<IBulkWriter, ClassifiedLine> writeRow, CancellationToken cancellationToken);

    /// <summary>Runs after a batch of lines has been committed to <paramref name="table"/>, outside its transaction:
    /// where an engine keeps planner statistics that a large load makes stale (PostgreSQL), it refreshes them here.</summary>
    Task AfterLinesLoadedAsync(string table, int linesLoaded, CancellationToken cancellationToken);

    /// <summary>Creates the temporary reclassify_key table (service_code, expense_area, expense_type, description,
    /// supplier, theme, all TEXT), in the engine's dialect.</summary>
    string CreateReclassifyKeySql { get; }
}
