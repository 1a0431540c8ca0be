namespace TotalPlace.Storage.Rules;

/// <summary>Lines and money that would change from one theme to another.</summary>
/// <param name="Source">"transactions" (published lines) or "statements" (aggregate returns).</param>
/// <param name="From">The theme code the lines have now.</param>
/// <param name="To">The theme code they would get.</param>
/// <param name="Lines">How many lines.</param>
/// <param name="Amount">Their money, in pounds.</param>
public sealed record RuleThemeMove(string Source, string From, string To, long Lines, decimal Amount);
