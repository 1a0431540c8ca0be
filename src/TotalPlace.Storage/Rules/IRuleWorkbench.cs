using TotalPlace.Core.Spending;

namespace TotalPlace.Storage.Rules;

/// <summary>Works on a place's classification rules the way a person editing them in the browser does: try a rule
/// against the stored lines before adding it, and change the order of the rules.</summary>
/// <remarks>Adding, listing and applying rules stay on <see cref="IPlaceStore"/>; get this side with
/// <see cref="IPlaceStore.Rules"/>.</remarks>
public interface IRuleWorkbench
{
    /// <summary>What re-classifying the place would move if <paramref name="rule"/> were added after its rules; nothing
    /// is stored.</summary>
    /// <exception cref="KeyNotFoundException">The store has no such place.</exception>
    Task<RulePreview> PreviewRuleAsync(string placeCode, ClassificationRule rule, CancellationToken cancellationToken = default);

    /// <summary>Swaps rule <paramref name="ruleNo"/> (1-based, in list order) with the rule before it
    /// (<paramref name="earlier"/>) or after it; audited. Among rules of equal priority the earlier wins.</summary>
    Task MoveRuleAsync(string placeCode, int ruleNo, bool earlier, CancellationToken cancellationToken = default);
}
