namespace TotalPlace.Storage;

/// <summary>The outcome of re-applying a place's rules to its stored lines.</summary>
/// <param name="Lines">Transaction and statement lines examined.</param>
/// <param name="Changed">Lines whose theme changed.</param>
/// <param name="DistinctKeys">Distinct classification keys evaluated (lines with equal keys share a theme).</param>
public sealed record ReclassifyResult(long Lines, long Changed, long DistinctKeys);
