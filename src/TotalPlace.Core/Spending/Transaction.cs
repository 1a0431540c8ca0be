namespace TotalPlace.Core.Spending;

/// <summary>One published spend line: a payment by an agency to a supplier, as in a transparency file.</summary>
/// <remarks>Text fields hold what the publisher wrote, trimmed; nothing is normalised here, so the line can be
/// traced back to its file and row. Supplier matching and classification work on copies.</remarks>
public sealed record Transaction
{
    /// <summary>The payment date (or the date the publisher gave).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The amount of this line in pounds; negative for credit notes and refunds.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The supplier as published; null when the row has none (redacted entries keep their text).</summary>
    public string? Supplier { get; init; }

    /// <summary>The supplier's company, charity or vendor number when published.</summary>
    public string? SupplierId { get; init; }

    /// <summary>The publishing body as written in the file, e.g. "Devon County Council".</summary>
    public string? Body { get; init; }

    /// <summary>The publisher's transaction, voucher or document number. Every payment has its own, so two equal
    /// references say nothing about a bill paid twice; see <see cref="InvoiceNumber"/>.</summary>
    public string? Reference { get; init; }

    /// <summary>The supplier's invoice number when the file publishes one beside the transaction number; null
    /// otherwise. The same invoice paid under two transactions is the surest sign of a duplicate payment.</summary>
    public string? InvoiceNumber { get; init; }

    /// <summary>The expense type (the "what": e.g. "Rents", "Private Contractors").</summary>
    public string? ExpenseType { get; init; }

    /// <summary>The expense area or service (the "where": e.g. "Adult Social Care").</summary>
    public string? ExpenseArea { get; init; }

    /// <summary>The publisher's service code (e.g. a SeRCOP or cost-centre code).</summary>
    public string? ServiceCode { get; init; }

    /// <summary>Free-text description or purpose where published.</summary>
    public string? Description { get; init; }

    /// <summary>The contract or purchase-order number where the publisher gives one (central government's "Contract
    /// Number", a council's "PO Number"); null when the file has no such column or the cell is empty.</summary>
    public string? ContractReference { get; init; }

    /// <summary>The 1-based row in the source file (counting every physical record, header included).</summary>
    public int SourceRow { get; init; }

    /// <summary>The financial year the payment date falls in.</summary>
    public FiscalYear FiscalYear => FiscalYear.Containing(Date);
}
