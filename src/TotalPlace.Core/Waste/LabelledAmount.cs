namespace TotalPlace.Core.Waste;

/// <summary>Money under one label (an expense type, a fiscal year), with the number of lines behind it.</summary>
public sealed record LabelledAmount(string Label, decimal Amount, int Lines);
