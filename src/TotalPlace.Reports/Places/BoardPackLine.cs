namespace TotalPlace.Reports.Places;

/// <summary>One line of a board pack breakdown: its name, amount and the lines behind it.</summary>
public sealed record BoardPackLine(string Name, decimal Amount, long Lines);
