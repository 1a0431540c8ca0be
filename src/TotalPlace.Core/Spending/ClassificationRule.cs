namespace TotalPlace.Core.Spending;

/// <summary>One classification rule: when <see cref="Field"/> matches <see cref="Pattern"/>, the line belongs to
/// <see cref="Theme"/>.</summary>
/// <remarks>Of all the rules that match a line, the one with the highest <see cref="Priority"/> wins; among equal
/// priorities, the earliest in the rule list wins. The shipped defaults use priority 10 for expense types, 20 for
/// expense areas and service codes, and 25 for the specific areas that would otherwise fall under a broader one
/// (e.g. "Youth Offending" before "Youth"). User rules default to 100 so they override the shipped ones.</remarks>
/// <param name="Field">The field compared.</param>
/// <param name="Match">How it is compared.</param>
/// <param name="Pattern">The text (or regular expression) to look for.</param>
/// <param name="Theme">The theme code the line is classified to.</param>
/// <param name="Priority">Higher wins.</param>
/// <param name="Note">Why the rule exists, for people reading the rule file.</param>
public sealed record ClassificationRule(
    ClassificationField Field,
    ClassificationMatch Match,
    string Pattern,
    string Theme,
    int Priority = ClassificationRule.UserPriority,
    string Note = "")
{
    /// <summary>The priority given to rules a user adds without saying.</summary>
    public const int UserPriority = 100;
}
