namespace TotalPlace.Core.Waste;

/// <summary>What ties two payments to one bill, strongest first.</summary>
public enum DuplicateEvidence
{
    /// <summary>The same supplier's invoice number on both (after normalising case, punctuation and leading zeros).</summary>
    SameInvoice,

    /// <summary>Invoice numbers equal but for two adjacent characters swapped (a keying slip).</summary>
    InvoiceTransposed,

    /// <summary>Invoice numbers one character dropped, added, or a letter for a digit apart; one digit for another is
    /// taken as the supplier's numbering of another bill.</summary>
    InvoiceOneCharacterApart,

    /// <summary>At least one line has no invoice number: only the supplier, an equal amount and close dates, which
    /// is weak evidence and scored as such.</summary>
    AmountAndDateOnly,

    /// <summary>Both invoice numbers published and different: two bills, never reported.</summary>
    DifferentInvoices,
}
