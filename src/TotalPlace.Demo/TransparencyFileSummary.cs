namespace TotalPlace.Demo;

/// <summary>What <see cref="TransparencyCsvWriter"/> wrote: the data lines and their exact total.</summary>
public sealed record TransparencyFileSummary(long Lines, decimal Total);
