namespace TotalPlace.Core.Spending;

/// <summary>The field of a spend line that a classification rule looks at.</summary>
public enum ClassificationField
{
    /// <summary>The publisher's service code (SeRCOP, cost centre); the most precise "where".</summary>
    ServiceCode = 0,

    /// <summary>The expense area or service, e.g. "Adult Social Care"; for statements, the service as written.</summary>
    ExpenseArea,

    /// <summary>The expense type, e.g. "Private Contractors"; the "what".</summary>
    ExpenseType,

    /// <summary>The free-text description or purpose.</summary>
    Description,

    /// <summary>The supplier as published.</summary>
    Supplier,
}
