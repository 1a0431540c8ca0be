namespace TotalPlace.Reports.Html;

/// <summary>Signature blocks: one per signatory, with lines for signature and date.</summary>
public sealed record SignaturesBlock(IReadOnlyList<SignatureLine> Signatures) : DocumentBlock;
