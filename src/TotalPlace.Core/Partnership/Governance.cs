namespace TotalPlace.Core.Partnership;

/// <summary>How the partnership governs the offer: its board and its rules for decisions and disputes.</summary>
/// <param name="BoardMembers">Who sits on the board.</param>
/// <param name="DecisionRule">How the board decides (e.g. "consensus; failing that, a two-thirds majority of partners").</param>
/// <param name="DisputeRule">How disputes are settled (e.g. "escalation to chief executives, then independent mediation").</param>
public sealed record Governance(IReadOnlyList<BoardMember> BoardMembers, string DecisionRule, string DisputeRule)
{
    /// <summary>No board and no rules yet.</summary>
    public static Governance Empty { get; } = new([], "", "");
}
