namespace TotalPlace.Core.Partnership;

/// <summary>
/// Shares an appraisal's fiscal benefits between the partners under the pool's savings share rule — the answer
/// to the "wrong pocket" problem, where the partner that pays is often not the one that saves.
/// </summary>
/// <remarks>
/// <para>For each year, the benefits landing in partners' budgets are added up and rounded to the penny (half to
/// even); that total is then split by <see cref="PennyAllocator"/>, so each year's shares add up to the year's
/// total exactly. Benefits to agencies outside the partnership are listed but not shared: no partner can hand
/// them back.</para>
/// <para>Weights: proportional uses each partner's contributions over the whole term (cash and in kind); fixed
/// uses the agreed fractions; benefit-follows-the-payer uses each partner's appraisal costs up to and including
/// the year, or over the whole appraisal when none has yet been borne.</para>
/// </remarks>
public static class SavingsDistributor
{
    /// <summary>Shares the benefits of all the offer's attached appraisals under its pool's savings rule.</summary>
    /// <exception cref="PartnershipDomainException">The offer has no pool, or the rule gives every partner a zero weight.</exception>
    public static SavingsDistribution Distribute(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var pool = offer.Pool ?? throw new PartnershipDomainException("The offer has no pool, so there is no savings share rule to apply.");
        return Distribute(
            offer.Appraisals.SelectMany(a => a.ByAgency).ToList(),
            pool,
            offer.Partners.Select(p => p.Name).ToList());
    }

    /// <summary>Shares by-agency, by-year fiscal benefits between <paramref name="partners"/> under the pool's savings rule.</summary>
    /// <exception cref="PartnershipDomainException">The rule gives every partner a zero weight in some year.</exception>
    public static SavingsDistribution Distribute(IReadOnlyList<AgencyFiscalFlow> flows, Pool pool, IReadOnlyList<string> partners)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(partners);
        if (partners.Count == 0)
        {
            throw new ArgumentException("At least one partner is needed to share savings.", nameof(partners));
        }

        var partnerSet = partners.ToHashSet(StringComparer.Ordinal);
        var inside = flows.Where(f => partnerSet.Contains(f.Agency)).ToList();
        var outside = flows.Where(f => !partnerSet.Contains(f.Agency)).ToList();
        var years = inside.Select(f => f.Year).Distinct().Order().ToList();
        var rule = pool.SavingsShare;
        var lines = new List<SavingsShareLine>(years.Count * partners.Count);

        foreach (var year in years)
        {
            var accrues = partners
                .Select(p => Money.Sum(inside.Where(f => f.Year == year && string.Equals(f.Agency, p, StringComparison.Ordinal)).Select(f => f.Benefit)))
                .ToList();
            var total = Money.Sum(accrues);
            var weights = Weights(rule, pool, partners, inside, year);
            if (weights.All(w => w == 0m))
            {
                throw new PartnershipDomainException(
                    $"The savings rule ({rule.Kind}) gives every partner a zero share in {year}, so {total} cannot be shared.");
            }

            var shares = PennyAllocator.Allocate(total, weights);
            for (var i = 0; i < partners.Count; i++)
            {
                lines.Add(new SavingsShareLine(year, partners[i], accrues[i], shares[i]));
            }
        }

        return new SavingsDistribution(rule, years, partners, lines, outside);
    }

    private static List<decimal> Weights(ShareRule rule, Pool pool, IReadOnlyList<string> partners, List<AgencyFiscalFlow> flows, FiscalYear year)
    {
        switch (rule.Kind)
        {
            case ShareRuleKind.FixedShares:
                return partners.Select(p => rule.FixedShares.TryGetValue(p, out var s) ? s : 0m).ToList();
            case ShareRuleKind.BenefitFollowsPayer:
                var toDate = CostsBy(partners, flows.Where(f => f.Year <= year));
                return toDate.Any(w => w != 0m) ? toDate : CostsBy(partners, flows);
            default:
                return partners.Select(p => pool.ContributedBy(p).Pounds).ToList();
        }
    }

    private static List<decimal> CostsBy(IReadOnlyList<string> partners, IEnumerable<AgencyFiscalFlow> flows)
    {
        var list = flows.ToList();
        return partners
            .Select(p => Math.Max(0m, list.Where(f => string.Equals(f.Agency, p, StringComparison.Ordinal)).Sum(f => f.Cost.Pounds)))
            .ToList();
    }
}
