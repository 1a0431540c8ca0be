namespace TotalPlace.Web.Jobs;

/// <summary>What a finished job reports: a message and where to look at its result.</summary>
public sealed record JobOutcome(string Message, string? ResultUrl);
