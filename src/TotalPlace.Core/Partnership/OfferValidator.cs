using System.Globalization;

namespace TotalPlace.Core.Partnership;

/// <summary>
/// Lists everything that stops an offer being submitted, each issue with the path of the field it concerns.
/// </summary>
/// <remarks>
/// Every rule is checked and every issue returned, so a programme lead sees the whole list at once rather than
/// fixing one error at a time. Paths follow the offer file format (docs/offers.md), e.g. <c>$.outcomes[2].baseline</c>.
/// </remarks>
public static class OfferValidator
{
    /// <summary>The tolerance for fixed shares adding up to one: none; shares are exact decimals.</summary>
    public const decimal ShareTotal = 1m;

    /// <summary>Checks the offer against every submission rule.</summary>
    /// <returns>The issues, in the order of the offer file; empty when the offer may be submitted.</returns>
    public static IReadOnlyList<OfferIssue> Validate(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var issues = new List<OfferIssue>();
        var partnerNames = offer.Partners.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        ValidateTerms(offer, issues);
        ValidatePartners(offer, issues);
        ValidatePool(offer, partnerNames, issues);
        ValidateOutcomes(offer, partnerNames, issues);
        ValidateGovernance(offer, partnerNames, issues);
        ValidateAppraisals(offer, issues);
        return issues;
    }

    /// <summary>What the offer is and when it reports: the policy domain of an Innovative Policy Offer, the scope,
    /// and an interim report inside the term.</summary>
    private static void ValidateTerms(Offer offer, List<OfferIssue> issues)
    {
        if (offer.Kind == OfferKind.InnovativePolicy && string.IsNullOrWhiteSpace(offer.PolicyDomain))
        {
            issues.Add(new("$.policyDomain", "offer.domain-missing",
                "An Innovative Policy Offer must name its policy domain."));
        }

        if (string.IsNullOrWhiteSpace(offer.Scope))
        {
            issues.Add(new("$.scope", "offer.scope-missing", "The offer must state its scope."));
        }

        if (offer.InterimReportDate <= offer.StartDate || offer.InterimReportDate > offer.EndDate)
        {
            issues.Add(new("$.interimReportDate", "offer.interim-outside-term",
                $"The interim report date must fall after the start ({Iso(offer.StartDate)}) and within the term (to {Iso(offer.EndDate)})."));
        }
    }

    /// <summary>The cost-benefit case: at least one appraisal attached.</summary>
    private static void ValidateAppraisals(Offer offer, List<OfferIssue> issues)
    {
        if (offer.Appraisals.Count == 0)
        {
            issues.Add(new("$.appraisals", "offer.appraisal-missing",
                "No appraisal is attached; an offer must show the cost-benefit case for its proposals."));
        }
    }

    private static void ValidatePartners(Offer offer, List<OfferIssue> issues)
    {
        if (offer.Partners.Count == 0)
        {
            issues.Add(new("$.partners", "partners.none", "The offer has no partners."));
        }

        for (var i = 0; i < offer.Partners.Count; i++)
        {
            var partner = offer.Partners[i];
            if (partner.Signatories.Count == 0)
            {
                issues.Add(new($"$.partners[{i}].signatories", "partner.signatory-missing",
                    $"The partner '{partner.Name}' has no signatory; every partner must name who signs the MoU."));
            }
        }
    }

    private static void ValidatePool(Offer offer, HashSet<string> partnerNames, List<OfferIssue> issues)
    {
        var pool = offer.Pool;
        if (pool is null)
        {
            issues.Add(new("$.pool", "pool.missing", "The offer has no pooled or aligned budget."));
            return;
        }

        ValidateAccountableBody(pool, partnerNames, issues);
        ValidateContributions(pool, partnerNames, issues);
        ValidatePoolTotals(pool, issues);
        ValidateShares(offer, pool, partnerNames, issues);
    }

    /// <summary>The pool names an accountable body, and it is a partner.</summary>
    private static void ValidateAccountableBody(Pool pool, HashSet<string> partnerNames, List<OfferIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(pool.AccountableBody))
        {
            issues.Add(new("$.pool.accountableBody", "pool.accountable-body-missing",
                "The pool must name its accountable body."));
        }
        else if (!partnerNames.Contains(pool.AccountableBody))
        {
            issues.Add(new("$.pool.accountableBody", "pool.accountable-body-unknown",
                $"The accountable body '{pool.AccountableBody}' is not one of the partners."));
        }
    }

    /// <summary>Someone contributes; every contribution is a partner's and is money put in.</summary>
    private static void ValidateContributions(Pool pool, HashSet<string> partnerNames, List<OfferIssue> issues)
    {
        if (pool.Contributions.Count == 0)
        {
            issues.Add(new("$.pool.contributions", "pool.contributions-none", "No partner contributes to the pool."));
        }

        for (var i = 0; i < pool.Contributions.Count; i++)
        {
            var c = pool.Contributions[i];
            if (!partnerNames.Contains(c.Partner))
            {
                issues.Add(new($"$.pool.contributions[{i}].partner", "pool.contribution-partner-unknown",
                    $"The contribution names '{c.Partner}', which is not one of the partners."));
            }

            if (c.Cash.IsNegative || c.InKind.IsNegative)
            {
                issues.Add(new($"$.pool.contributions[{i}]", "pool.contribution-negative",
                    $"The contribution of '{c.Partner}' in {c.Year} is negative; contributions are money put in."));
            }
        }
    }

    /// <summary>Each year's stated total is there and equals what the partners put in that year, to the penny.</summary>
    private static void ValidatePoolTotals(Pool pool, List<OfferIssue> issues)
    {
        foreach (var year in pool.Years)
        {
            var contributed = pool.ContributedIn(year);
            if (!pool.StatedTotals.TryGetValue(year, out var stated))
            {
                issues.Add(new($"$.pool.totals[\"{year}\"]", "pool.total-missing",
                    $"Partners contribute {contributed} in {year} but the pool states no total for that year."));
            }
            else if (stated != contributed)
            {
                issues.Add(new($"$.pool.totals[\"{year}\"]", "pool.contributions-mismatch",
                    $"Contributions in {year} add up to {contributed} but the pool is {stated}; they differ by {stated - contributed}."));
            }
        }
    }

    /// <summary>The savings and risk shares: fixed shares name partners and add up to one; savings that follow the
    /// payer need costs by agency to follow; risk cannot follow the payer.</summary>
    private static void ValidateShares(Offer offer, Pool pool, HashSet<string> partnerNames, List<OfferIssue> issues)
    {
        ValidateShareRule(pool.SavingsShare, "$.pool.savingsShare", partnerNames, issues);
        ValidateShareRule(pool.RiskShare, "$.pool.riskShare", partnerNames, issues);
        if (pool.SavingsShare.Kind == ShareRuleKind.BenefitFollowsPayer
            && offer.Appraisals.SelectMany(a => a.ByAgency).All(f => f.Cost == Money.Zero))
        {
            issues.Add(new("$.pool.savingsShare", "share.no-costs",
                "Savings are to follow the payer, but no attached appraisal records any costs by agency."));
        }

        if (pool.RiskShare.Kind == ShareRuleKind.BenefitFollowsPayer)
        {
            issues.Add(new("$.pool.riskShare", "share.risk-follows-payer",
                "Risk cannot follow the payer; share risk in proportion to contributions or in fixed shares."));
        }
    }

    private static void ValidateShareRule(ShareRule rule, string path, HashSet<string> partnerNames, List<OfferIssue> issues)
    {
        if (rule.Kind != ShareRuleKind.FixedShares)
        {
            return;
        }

        foreach (var name in rule.FixedShares.Keys.Where(n => !partnerNames.Contains(n)))
        {
            issues.Add(new($"{path}.shares[\"{name}\"]", "share.partner-unknown", $"'{name}' is given a share but is not one of the partners."));
        }

        var total = rule.FixedShares.Values.Sum();
        if (total != ShareTotal)
        {
            issues.Add(new($"{path}.shares", "share.total-not-one",
                $"Fixed shares must add up to 1 (100%); these add up to {total.ToString(CultureInfo.InvariantCulture)}."));
        }
    }

    private static void ValidateOutcomes(Offer offer, HashSet<string> partnerNames, List<OfferIssue> issues)
    {
        if (offer.Outcomes.Count == 0)
        {
            issues.Add(new("$.outcomes", "outcomes.none", "The offer has no outcomes; set out at least one, and at most 10."));
        }

        for (var i = 0; i < offer.Outcomes.Count; i++)
        {
            ValidateOutcome(offer.Outcomes[i], $"$.outcomes[{i}]", partnerNames, issues);
        }
    }

    /// <summary>One outcome: an indicator, a target measured against an earlier baseline, who measures it, and the
    /// partners that deliver it.</summary>
    private static void ValidateOutcome(Outcome o, string path, HashSet<string> partnerNames, List<OfferIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(o.Indicator))
        {
            issues.Add(new($"{path}.indicator", "outcome.indicator-missing", $"The outcome '{o.Name}' has no indicator."));
        }

        if (o.Target is null)
        {
            issues.Add(new($"{path}.target", "outcome.target-missing", $"The outcome '{o.Name}' has no target."));
        }

        if (o.Target is not null && o.Baseline is null)
        {
            issues.Add(new($"{path}.baseline", "outcome.baseline-missing",
                $"The outcome '{o.Name}' has a target but no baseline; a target needs a baseline to be measured against."));
        }

        if (o.Target is not null && o.Baseline is not null && o.Target.Date <= o.Baseline.Date)
        {
            issues.Add(new($"{path}.target.date", "outcome.target-before-baseline",
                $"The target date of '{o.Name}' ({Iso(o.Target.Date)}) must be after its baseline date ({Iso(o.Baseline.Date)})."));
        }

        if (string.IsNullOrWhiteSpace(o.MeasuredBy))
        {
            issues.Add(new($"{path}.measuredBy", "outcome.measured-by-missing", $"The outcome '{o.Name}' does not say who measures it."));
        }

        if (o.Partners.Count == 0)
        {
            issues.Add(new($"{path}.partners", "outcome.partners-none", $"The outcome '{o.Name}' names no partners that deliver it."));
        }

        for (var j = 0; j < o.Partners.Count; j++)
        {
            if (!partnerNames.Contains(o.Partners[j]))
            {
                issues.Add(new($"{path}.partners[{j}]", "outcome.partner-unknown",
                    $"The outcome '{o.Name}' names '{o.Partners[j]}', which is not one of the partners."));
            }
        }
    }

    private static void ValidateGovernance(Offer offer, HashSet<string> partnerNames, List<OfferIssue> issues)
    {
        var g = offer.Governance;
        if (g.BoardMembers.Count == 0)
        {
            issues.Add(new("$.governance.boardMembers", "governance.board-empty", "The governance board has no members."));
        }

        for (var i = 0; i < g.BoardMembers.Count; i++)
        {
            if (!partnerNames.Contains(g.BoardMembers[i].Partner))
            {
                issues.Add(new($"$.governance.boardMembers[{i}].partner", "governance.partner-unknown",
                    $"Board member '{g.BoardMembers[i].Name}' represents '{g.BoardMembers[i].Partner}', which is not one of the partners."));
            }
        }

        if (string.IsNullOrWhiteSpace(g.DecisionRule))
        {
            issues.Add(new("$.governance.decisionRule", "governance.decision-rule-missing", "The governance must state how the board decides."));
        }

        if (string.IsNullOrWhiteSpace(g.DisputeRule))
        {
            issues.Add(new("$.governance.disputeRule", "governance.dispute-rule-missing", "The governance must state how disputes are settled."));
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
