namespace TotalPlace.Core.Partnership;

/// <summary>Evidence that the partnership already works together (shared programmes, past pooled budgets, audits).</summary>
/// <param name="Title">Short title.</param>
/// <param name="Description">What it shows.</param>
/// <param name="Reference">Where it can be read (report, URL, minute reference); optional.</param>
public sealed record PartnershipEvidence(string Title, string Description, string? Reference);
