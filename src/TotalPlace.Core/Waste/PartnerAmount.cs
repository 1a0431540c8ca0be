namespace TotalPlace.Core.Waste;

/// <summary>Money paid by one partner, with the number of lines behind it.</summary>
public sealed record PartnerAmount(string Agency, decimal Amount, int Lines);
