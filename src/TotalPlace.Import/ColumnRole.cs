namespace TotalPlace.Import;

/// <summary>What a column of a spend file holds. Names match the keys of a mapping file (camelCase there).</summary>
public enum ColumnRole
{
    /// <summary>The publishing body ("Name of Body", "Entity").</summary>
    Body = 0,

    /// <summary>The payment date. Required.</summary>
    Date,

    /// <summary>The publisher's own transaction, voucher or document number ("Transaction Number"): every payment has its own.</summary>
    Reference,

    /// <summary>The line amount. Required. Never the invoice total when both are published.</summary>
    Amount,

    /// <summary>The supplier's name.</summary>
    Supplier,

    /// <summary>The supplier's company, charity or vendor number.</summary>
    SupplierId,

    /// <summary>The expense type ("what").</summary>
    ExpenseType,

    /// <summary>The expense area or service ("where").</summary>
    ExpenseArea,

    /// <summary>The service, cost-centre or expense code.</summary>
    ServiceCode,

    /// <summary>Free-text description or purpose.</summary>
    Description,

    /// <summary>The contract or purchase-order number ("Contract Number" in central government's spend-over-£25,000
    /// template, "PO Number"), when a file has one: what lets the waste finder count contracts per supplier.</summary>
    ContractReference,

    /// <summary>The supplier's invoice number ("Invoice Number", "Invoice Ref"), when a file publishes it beside the
    /// transaction number: what identifies a bill, so the same invoice paid twice is found under two transactions.</summary>
    InvoiceNumber,
}
