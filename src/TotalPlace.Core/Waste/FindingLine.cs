namespace TotalPlace.Core.Waste;

/// <summary>One published line behind a finding, as a reviewer looks it up in the partner's ledger.</summary>
/// <param name="Agency">The partner that paid it.</param>
/// <param name="File">The file it was imported from, when known.</param>
/// <param name="Row">The 1-based row in that file (0 when not known).</param>
/// <param name="Date">The payment date.</param>
/// <param name="Amount">The amount in pounds as published.</param>
/// <param name="Supplier">The supplier as published.</param>
/// <param name="InvoiceNumber">The supplier's invoice number, when published.</param>
/// <param name="TransactionNumber">The publisher's transaction number, when published.</param>
public sealed record FindingLine(
    string Agency,
    string? File,
    int Row,
    DateOnly Date,
    decimal Amount,
    string? Supplier,
    string? InvoiceNumber,
    string? TransactionNumber)
{
    /// <summary>The line of a partner's payment.</summary>
    public static FindingLine Of(PartnerTransaction payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var line = payment.Line;
        return new FindingLine(payment.Agency, payment.SourceFile, line.SourceRow, line.Date, line.Amount, line.Supplier, line.InvoiceNumber, line.Reference);
    }
}
