namespace TotalPlace.Core.Partnership;

/// <summary>A member of the board that governs the offer.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Role">Role on the board ("Chair", "Member").</param>
/// <param name="Partner">The partner they represent.</param>
public sealed record BoardMember(string Name, string Role, string Partner);
