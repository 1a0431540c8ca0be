namespace TotalPlace.Web.Dashboard;

/// <summary>The funding source → agency → theme flow. Node names are unique across the three columns.</summary>
public sealed record SankeyChart(IReadOnlyList<SankeyNode> Nodes, IReadOnlyList<SankeyLink> Links);
