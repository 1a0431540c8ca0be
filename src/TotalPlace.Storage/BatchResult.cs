namespace TotalPlace.Storage;

/// <summary>The outcome of a commit.</summary>
/// <param name="Batch">The batch as stored.</param>
/// <param name="AlreadyImported">True when the same file was committed before and nothing was added.</param>
public sealed record BatchResult(ImportBatch Batch, bool AlreadyImported);
