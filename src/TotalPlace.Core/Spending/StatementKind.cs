namespace TotalPlace.Core.Spending;

/// <summary>What an aggregate spend statement records.</summary>
public enum StatementKind
{
    /// <summary>Actual spend for a completed year.</summary>
    Outturn = 0,

    /// <summary>Planned spend.</summary>
    Budget,

    /// <summary>Benefits and other transfers paid to residents (e.g. DWP benefits in the place).</summary>
    BenefitsPaid,
}
