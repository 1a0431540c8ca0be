namespace TotalPlace.Core.Partnership;

/// <summary>A rule for dividing savings or risk between partners.</summary>
/// <remarks>Create values with <see cref="Proportional"/>, <see cref="Fixed"/> or <see cref="BenefitFollowsPayer"/>.</remarks>
public sealed record ShareRule
{
    private ShareRule(ShareRuleKind kind, IReadOnlyDictionary<string, decimal> fixedShares)
    {
        Kind = kind;
        FixedShares = fixedShares;
    }

    /// <summary>Which rule this is.</summary>
    public ShareRuleKind Kind { get; }

    /// <summary>For <see cref="ShareRuleKind.FixedShares"/>, each partner's fraction (0 to 1); empty otherwise.</summary>
    public IReadOnlyDictionary<string, decimal> FixedShares { get; }

    /// <summary>In proportion to contributions to the pool.</summary>
    public static ShareRule Proportional { get; } =
        new(ShareRuleKind.ProportionalToContribution, new Dictionary<string, decimal>(StringComparer.Ordinal));

    /// <summary>Savings go back to the partners that bore the costs.</summary>
    public static ShareRule BenefitFollowsPayer { get; } =
        new(ShareRuleKind.BenefitFollowsPayer, new Dictionary<string, decimal>(StringComparer.Ordinal));

    /// <summary>Fixed fractions per partner; whether they add up to one is checked by <see cref="OfferValidator"/>.</summary>
    public static ShareRule Fixed(IReadOnlyDictionary<string, decimal> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        foreach (var (partner, share) in shares)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(partner, nameof(shares));
            if (share < 0m)
            {
                throw new ArgumentOutOfRangeException(nameof(shares), share, $"The share of '{partner}' must not be negative.");
            }
        }

        return new ShareRule(ShareRuleKind.FixedShares, new Dictionary<string, decimal>(shares, StringComparer.Ordinal));
    }

    /// <summary>Describes the rule in a sentence, for documents.</summary>
    public string Describe() => Kind switch
    {
        ShareRuleKind.ProportionalToContribution =>
            "in proportion to each partner's total contribution to the pool over the term, cash and in kind",
        ShareRuleKind.FixedShares => "in fixed shares: " + string.Join(
            ", ",
            FixedShares.Select(s => $"{s.Key} {(s.Value * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}%")),
        ShareRuleKind.BenefitFollowsPayer =>
            "to the partners that paid, in proportion to the costs each has borne up to and including the year the saving arises",
        _ => Kind.ToString(),
    };
}
