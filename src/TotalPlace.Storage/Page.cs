namespace TotalPlace.Storage;

/// <summary>A page of results and the total count behind it.</summary>
/// <param name="PageNumber">1-based.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long TotalCount);
