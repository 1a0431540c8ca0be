namespace TotalPlace.Core.Partnership;

/// <summary>A record that communities or the third sector were engaged: who, how and when.</summary>
/// <param name="Who">The group or organisation engaged.</param>
/// <param name="Sector">Which sector it belongs to.</param>
/// <param name="How">How they were engaged (co-design workshop, survey, delivery partner...).</param>
/// <param name="When">When.</param>
public sealed record EngagementRecord(string Who, EngagementSector Sector, string How, DateOnly When);
