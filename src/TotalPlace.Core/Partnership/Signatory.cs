namespace TotalPlace.Core.Partnership;

/// <summary>A person who signs the MoU on behalf of a partner.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Role">Post, e.g. "Chief Executive".</param>
public sealed record Signatory(string Name, string Role);
