namespace TotalPlace.Web.Dashboard;

/// <summary>A place as listed: its GSS code, name and latest known population.</summary>
public sealed record PlaceSummary(string Code, string Name, long? Population);
