namespace TotalPlace.Web.Dashboard;

/// <summary>Money flowing from one Sankey node to another.</summary>
public sealed record SankeyLink(string Source, string Target, decimal Value);
