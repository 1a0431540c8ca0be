namespace TotalPlace.Web.Dashboard;

/// <summary>A treemap box: a theme with its agencies as children, or an agency (no children).</summary>
public sealed record TreemapNode(string Name, decimal Value, IReadOnlyList<TreemapNode> Children);
