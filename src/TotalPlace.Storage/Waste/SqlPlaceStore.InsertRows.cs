namespace TotalPlace.Storage;

public abstract partial class SqlPlaceStore<TConnection>
{
    /// <summary>Inserts rows of small tables with multi-row VALUES statements (<see cref="SqlCommands.InsertRowsAsync"/>).</summary>
    private protected static Task InsertRowsAsync(TConnection connection, string table, int columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken) =>
        SqlCommands.InsertRowsAsync(connection, table, columns, rows, cancellationToken);
}
