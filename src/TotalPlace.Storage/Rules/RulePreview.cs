using TotalPlace.Core.Spending;

namespace TotalPlace.Storage.Rules;

/// <summary>The money a re-classification would move with a candidate rule added.</summary>
/// <param name="PlaceCode">The place.</param>
/// <param name="Rule">The rule tried.</param>
/// <param name="Moves">Each change of theme, largest amount first.</param>
public sealed record RulePreview(string PlaceCode, ClassificationRule Rule, IReadOnlyList<RuleThemeMove> Moves)
{
    /// <summary>The lines whose theme would change.</summary>
    public long Lines => Moves.Sum(m => m.Lines);

    /// <summary>The money that would leave <paramref name="theme"/> less the money that would arrive in it.</summary>
    public decimal NetOutOf(string theme) =>
        Moves.Where(m => string.Equals(m.From, theme, StringComparison.Ordinal)).Sum(m => m.Amount)
        - Moves.Where(m => string.Equals(m.To, theme, StringComparison.Ordinal)).Sum(m => m.Amount);
}
