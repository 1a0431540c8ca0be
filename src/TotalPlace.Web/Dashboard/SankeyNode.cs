namespace TotalPlace.Web.Dashboard;

/// <summary>A Sankey node; <paramref name="Depth"/> is 0 for funding sources, 1 for agencies, 2 for themes.</summary>
public sealed record SankeyNode(string Name, int Depth);
