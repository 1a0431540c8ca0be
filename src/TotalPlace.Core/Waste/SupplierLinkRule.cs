namespace TotalPlace.Core.Waste;

/// <summary>The rule that joined two supplier entries, strongest first.</summary>
public enum SupplierLinkRule
{
    /// <summary>A user said the two are one supplier; wins over everything.</summary>
    UserMerge,

    /// <summary>The same Companies House or Charity Commission number.</summary>
    SameRegisteredNumber,

    /// <summary>The same vendor number in one partner's ledger.</summary>
    SameVendorNumber,

    /// <summary>The publisher's own pointer in the name ("**USE 114029**").</summary>
    VendorRedirect,

    /// <summary>Equal normalised names (and equal or no bracketed qualifiers).</summary>
    SameName,

    /// <summary>Equal normalised names where one carries an account qualifier ("KENT COUNTY COUNCIL (KCS)").</summary>
    SameNameWithQualifier,

    /// <summary>One entry's trading name ("T/A ...") is the other's name.</summary>
    TradingName,

    /// <summary>Names whose rare words agree, allowing single typos and truncation, scored above the threshold.</summary>
    SimilarName,
}
