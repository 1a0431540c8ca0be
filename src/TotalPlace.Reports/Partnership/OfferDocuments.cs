using TotalPlace.Core;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Tracking;
using TotalPlace.Core.Places;
using TotalPlace.Reports.Html;

namespace TotalPlace.Reports.Partnership;

/// <summary>
/// Builds the offer's documents — the offer itself, the memorandum of understanding ready to sign, and the
/// interim or final progress report — as <see cref="Document"/>s, to render with <see cref="HtmlRenderer"/> or
/// <see cref="MarkdownRenderer"/>.
/// </summary>
/// <remarks>Every figure comes from the offer (and so from its file or store); the documents compute only sums,
/// which are shown beside their parts so they can be checked. Each document carries the offer's version and date.</remarks>
public static class OfferDocuments
{
    /// <summary>The documents an offer has, by the name its export files carry: offer, mou, interim-report, final-report.</summary>
    public static IReadOnlyList<string> Contents { get; } = ["offer", "mou", "interim-report", "final-report"];

    /// <summary>The offer's document named by <paramref name="content"/> (one of <see cref="Contents"/>), or null.</summary>
    public static Document? ByContent(Offer offer, string? content)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return content switch
        {
            "offer" => Offer(offer),
            "mou" => Mou(offer),
            "interim-report" => Progress(offer, OutcomeTracker.Interim(offer)),
            "final-report" => Progress(offer, OutcomeTracker.Final(offer)),
            _ => null,
        };
    }

    /// <summary>The export name of one of the offer's documents: place, the financial year the offer starts in, content,
    /// e.g. <c>E07000120-2024-25-mou.pdf</c>.</summary>
    public static string FileName(Offer offer, string content, string extension)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return ExportNames.For(offer.PlaceCode, FiscalYear.Containing(offer.StartDate), content, extension);
    }

    /// <summary>The offer document: scope, partners, pool, outcomes, appraisals and savings share, engagement, evidence, governance.</summary>
    public static Document Offer(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var blocks = new List<DocumentBlock>
        {
            new HeadingBlock(2, "Summary"),
            new FactsBlock(Summary(offer)),
            new HeadingBlock(2, "Scope"),
            new ParagraphBlock(Text(offer.Scope, "Not yet stated.")),
            new HeadingBlock(2, "Partners"),
            PartnersTable(offer),
        };

        blocks.AddRange(PoolBlocks(offer));
        blocks.Add(new HeadingBlock(2, "Outcomes"));
        blocks.Add(new ParagraphBlock($"The partners commit to {offer.Outcomes.Count} locally defined outcome(s) (at most {Core.Partnership.Offer.MaxOutcomes})."));
        blocks.Add(OutcomesTable(offer));
        blocks.AddRange(AppraisalBlocks(offer));
        blocks.Add(new HeadingBlock(2, "Engagement of communities and the third sector"));
        blocks.Add(EngagementTable(offer));
        blocks.Add(new HeadingBlock(2, "Evidence of partnership"));
        blocks.Add(new ListBlock(offer.Evidence.Select(e => e.Reference is null ? $"{e.Title}: {e.Description}" : $"{e.Title}: {e.Description} ({e.Reference})").ToList()));
        blocks.AddRange(GovernanceBlocks(offer));
        return new Document(offer.Title, $"{offer.PlaceName} ({offer.PlaceCode}) — {KindLabel(offer)}", offer.Version, offer.DocumentDate, blocks);
    }

    /// <summary>The memorandum of understanding between the partners, with a signature block for every signatory.</summary>
    public static Document Mou(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var pool = offer.Pool;
        var blocks = new List<DocumentBlock>
        {
            new HeadingBlock(2, "1. Parties"),
            new ParagraphBlock($"This memorandum of understanding is made between the following {offer.Partners.Count} organisations (the partners), who together make the offer \u201c{offer.Title}\u201d for {offer.PlaceName}."),
            new ListBlock(offer.Partners.Select(p => $"{p.Name} ({KindLabel(p.Kind)})").ToList()),
            new HeadingBlock(2, "2. Purpose and scope"),
            new ParagraphBlock(Text(offer.Scope, "Not yet stated.")),
            new HeadingBlock(2, "3. Term"),
            new ParagraphBlock($"The memorandum runs for {offer.TermYears} years, from {Formats.Date(offer.StartDate)} to {Formats.Date(offer.EndDate)}. The partners will publish an interim report on {Formats.Date(offer.InterimReportDate)} and a final report at the end of the term, after which they and government co-design the final agreement."),
            new HeadingBlock(2, "4. Financial arrangements"),
        };
        if (pool is null)
        {
            blocks.Add(new ParagraphBlock("The budget arrangements are not yet agreed."));
        }
        else
        {
            blocks.Add(new ParagraphBlock(pool.Kind == PoolKind.Pooled
                ? $"The partners pool the contributions below in a single fund held by {Text(pool.AccountableBody, "the accountable body (not yet named)")} as accountable body, which accounts for it on behalf of all partners."
                : $"The partners align the budgets below: each keeps and accounts for its own contribution, and commits it to the shared outcomes. {Text(pool.AccountableBody, "A lead partner (not yet named)")} co-ordinates reporting."));
            blocks.Add(ContributionsTable(offer, pool));
            blocks.Add(new ParagraphBlock($"Risk: overspends and shortfalls are shared {pool.RiskShare.Describe()}."));
            blocks.Add(new ParagraphBlock($"Savings: fiscal savings that arise from the work are shared {pool.SavingsShare.Describe()}, whichever partner's budget they fall in. The shares for the attached appraisals are set out in the offer document."));
        }

        blocks.Add(new HeadingBlock(2, "5. Outcomes"));
        blocks.Add(new ListBlock(offer.Outcomes.Select(o => o.Target is null
            ? $"{o.Name}: {o.Indicator}"
            : $"{o.Name}: {o.Indicator}, to {Formats.Number(o.Target.Value)} {o.Unit} by {Formats.Date(o.Target.Date)}").ToList()));
        blocks.AddRange(GovernanceBlocks(offer, "6. Governance"));
        blocks.Add(new HeadingBlock(2, "7. Variation and withdrawal"));
        blocks.Add(new ParagraphBlock("This memorandum may be varied by agreement of all partners, recorded in writing and signed as below. A partner may withdraw on six months' notice to the board; its contributions already made stay in the pool for the purposes agreed, and its share of savings and risk is settled to the date of withdrawal under section 4."));
        blocks.Add(new HeadingBlock(2, "8. Status"));
        blocks.Add(new ParagraphBlock("This memorandum records the partners' intentions and is not a legally binding contract, except where a partner's statutory arrangements (such as a section 75 agreement for pooled health and care funds) give effect to it."));
        blocks.Add(new PageBreakBlock());
        blocks.Add(new HeadingBlock(2, "9. Signatures"));
        blocks.Add(new ParagraphBlock("Signed for and on behalf of each partner:"));
        blocks.Add(new SignaturesBlock(offer.Partners
            .SelectMany(p => p.Signatories.Count == 0
                ? [new SignatureLine(p.Name, "(signatory to be named)", "")]
                : p.Signatories.Select(s => new SignatureLine(p.Name, s.Name, s.Role)))
            .ToList()));
        return new Document($"Memorandum of understanding: {offer.Title}", $"{offer.PlaceName} ({offer.PlaceCode}) — {KindLabel(offer)}", offer.Version, offer.DocumentDate, blocks);
    }

    /// <summary>The interim or final progress report: outcomes against trajectory with RAG status, and spend against the pool.</summary>
    public static Document Progress(Offer offer, ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(report);
        var kind = report.Kind == ReportKind.Interim ? "Interim report" : "Final report";
        var rows = report.Outcomes.Select(p => (IReadOnlyList<string>)
        [
            p.Outcome.Name,
            p.Outcome.Baseline is { } b ? $"{Formats.Number(b.Value)} ({Formats.Date(b.Date)})" : "—",
            p.Outcome.Target is { } t ? $"{Formats.Number(t.Value)} ({Formats.Date(t.Date)})" : "—",
            p.Latest is { } a ? $"{Formats.Number(a.Value)} ({Formats.Date(a.Date)})" : "not yet measured",
            p.Progress is { } pr ? Formats.Percent(Math.Round(pr, 4)) : "—",
            Formats.Percent(Math.Round(p.Expected, 4)),
            RagLabel(p.Status),
        ]).ToList();
        var blocks = new List<DocumentBlock>
        {
            new HeadingBlock(2, "Summary"),
            new FactsBlock(
            [
                new("Report date", Formats.Date(report.AsOf)),
                new("Outcomes green / amber / red / not measured",
                    $"{report.Count(Rag.Green)} / {report.Count(Rag.Amber)} / {report.Count(Rag.Red)} / {report.Count(Rag.NotMeasured)}"),
                new("Pool budget to date", Formats.Money(report.Budget)),
                new("Spent to date", Formats.Money(report.Spent)),
            ]),
            new HeadingBlock(2, "Outcomes"),
            new TableBlock("Progress against each outcome", ["Outcome", "Baseline", "Target", "Latest actual", "Progress", "Expected by now", "Status"], rows, new HashSet<int> { 4, 5 }),
            new ParagraphBlock($"RAG rule: progress is how far the latest actual has moved from baseline to target; expected is the share of the time from baseline date to target date that has passed by the report date. Green: progress at least as expected. Amber: at least {Formats.Percent(OutcomeTracker.AmberShare)} of expected, and not moving the wrong way. Red: otherwise. An outcome with no actual by the report date is not measured."),
            new HeadingBlock(2, "Spend against the pool"),
            new TableBlock(
                "Budget and spend by financial year",
                ["Year", "Budget (contributions)", "Spent", "Remaining"],
                report.Pool.Select(p => (IReadOnlyList<string>)[p.Year.ToString(), Formats.Money(p.Budget), Formats.Money(p.Spent), Formats.Money(p.Remaining)]).ToList(),
                new HashSet<int> { 1, 2, 3 },
                ["Total", Formats.Money(report.Budget), Formats.Money(report.Spent), Formats.Money(report.Budget - report.Spent)]),
        };
        return new Document($"{kind}: {offer.Title}", $"{offer.PlaceName} ({offer.PlaceCode}) — {KindLabel(offer)}", offer.Version, report.AsOf, blocks);
    }

    /// <summary>The savings share table: for each year and partner, what falls in its budget, what it receives, and the transfer.</summary>
    public static TableBlock SavingsTable(SavingsDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        var rows = distribution.Lines.Select(l => (IReadOnlyList<string>)
            [l.Year.ToString(), l.Partner, Formats.Money(l.Accrues), Formats.Money(l.Receives), Formats.Money(l.Transfer)]).ToList();
        var accrued = Money.Sum(distribution.Lines.Select(l => l.Accrues));
        return new TableBlock(
            "Savings share by year and partner",
            ["Year", "Partner", "Saving falls to partner", "Partner's share", "Transfer to (+) / from (−) partner"],
            rows,
            new HashSet<int> { 2, 3, 4 },
            ["Total", "", Formats.Money(accrued), Formats.Money(distribution.Total), Formats.Money(distribution.Total - accrued)]);
    }

    private static List<KeyValuePair<string, string>> Summary(Offer offer)
    {
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Place", $"{offer.PlaceName} ({offer.PlaceCode})"),
            new("Kind of offer", KindLabel(offer)),
            new("Status", StatusLabel(offer.Status)),
            new("Term", $"{offer.TermYears} years, {Formats.Date(offer.StartDate)} to {Formats.Date(offer.EndDate)}"),
            new("Interim report", Formats.Date(offer.InterimReportDate)),
            new("Partners", offer.Partners.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (offer.Pool is { } pool)
        {
            facts.Add(new("Budget", $"{(pool.Kind == PoolKind.Pooled ? "Pooled" : "Aligned")}, {Formats.Money(pool.TotalContributed)} over the term"));
        }

        return facts;
    }

    private static TableBlock PartnersTable(Offer offer) => new(
        "Partners and signatories",
        ["Partner", "Kind", "Signs for the partner"],
        offer.Partners.Select(p => (IReadOnlyList<string>)
            [p.Name, KindLabel(p.Kind), p.Signatories.Count == 0 ? "none named" : string.Join("; ", p.Signatories.Select(s => $"{s.Name}, {s.Role}"))]).ToList(),
        new HashSet<int>());

    private static IEnumerable<DocumentBlock> PoolBlocks(Offer offer)
    {
        yield return new HeadingBlock(2, "Pooled and aligned budget");
        if (offer.Pool is not { } pool)
        {
            yield return new ParagraphBlock("The budget arrangements are not yet set out.");
            yield break;
        }

        yield return new FactsBlock(
        [
            new("Arrangement", pool.Kind == PoolKind.Pooled ? "Pooled budget: one fund under an accountable body" : "Aligned budgets: each partner keeps its budget and commits it to the shared outcomes"),
            new("Accountable body", Text(pool.AccountableBody, "not yet named")),
            new("Cash", Formats.Money(Money.Sum(pool.Contributions.Select(c => c.Cash)))),
            new("In kind", Formats.Money(Money.Sum(pool.Contributions.Select(c => c.InKind)))),
            new("Risk share", pool.RiskShare.Describe()),
            new("Savings share", pool.SavingsShare.Describe()),
        ]);
        yield return ContributionsTable(offer, pool);
        var inKind = pool.Contributions.Where(c => c.InKind != Money.Zero && !string.IsNullOrWhiteSpace(c.InKindDescription))
            .Select(c => $"{c.Partner}: {c.InKindDescription}").Distinct(StringComparer.Ordinal).ToList();
        if (inKind.Count > 0)
        {
            yield return new HeadingBlock(3, "Contributions in kind");
            yield return new ListBlock(inKind);
        }
    }

    private static TableBlock ContributionsTable(Offer offer, Pool pool)
    {
        var years = pool.Years;
        var partners = offer.Partners.Select(p => p.Name)
            .Concat(pool.Contributions.Select(c => c.Partner)).Distinct(StringComparer.Ordinal).ToList();
        var total = pool.TotalContributed;
        var rows = partners.Select(partner =>
        {
            var cells = new List<string> { partner };
            cells.AddRange(years.Select(y => Formats.Money(Money.Sum(pool.Contributions
                .Where(c => c.Year == y && string.Equals(c.Partner, partner, StringComparison.Ordinal)).Select(c => c.Total)))));
            var byPartner = pool.ContributedBy(partner);
            cells.Add(Formats.Money(byPartner));
            cells.Add(total == Money.Zero ? "—" : Formats.Percent(Math.Round(byPartner.Pounds / total.Pounds, 4)));
            return (IReadOnlyList<string>)cells;
        }).ToList();
        var footer = new List<string> { "Total" };
        footer.AddRange(years.Select(y => Formats.Money(pool.ContributedIn(y))));
        footer.Add(Formats.Money(total));
        footer.Add(total == Money.Zero ? "—" : "100%");
        var headers = new List<string> { "Partner" };
        headers.AddRange(years.Select(y => y.ToString()));
        headers.Add("Term total");
        headers.Add("Share");
        return new TableBlock("Contributions by partner and year (cash and in kind)", headers, rows, Enumerable.Range(1, years.Count + 2).ToHashSet(), footer);
    }

    private static TableBlock OutcomesTable(Offer offer) => new(
        "Outcomes, indicators, baselines and targets",
        ["Outcome", "Indicator", "Unit", "Baseline", "Target", "Measured by", "Partners"],
        offer.Outcomes.Select(o => (IReadOnlyList<string>)
        [
            o.Name,
            o.Indicator,
            o.Unit,
            o.Baseline is { } b ? $"{Formats.Number(b.Value)} ({Formats.Date(b.Date)})" : "not set",
            o.Target is { } t ? $"{Formats.Number(t.Value)} by {Formats.Date(t.Date)}" : "not set",
            o.MeasuredBy,
            string.Join(", ", o.Partners),
        ]).ToList(),
        new HashSet<int>());

    private static IEnumerable<DocumentBlock> AppraisalBlocks(Offer offer)
    {
        yield return new HeadingBlock(2, "Cost-benefit case");
        if (offer.Appraisals.Count == 0)
        {
            yield return new ParagraphBlock("No appraisal is attached yet.");
            yield break;
        }

        yield return new TableBlock(
            "Attached appraisals",
            ["Proposal", "Reference", "Summary", "Fiscal benefits", "Costs"],
            offer.Appraisals.Select(a => (IReadOnlyList<string>)
                [a.ProposalName, a.ProposalId, a.Summary, Formats.Money(a.TotalBenefit), Formats.Money(a.TotalCost)]).ToList(),
            new HashSet<int> { 3, 4 });
        if (offer.Pool is null || offer.Partners.Count == 0)
        {
            yield break;
        }

        SavingsDistribution? distribution = null;
        string? problem = null;
        try
        {
            distribution = SavingsDistributor.Distribute(offer);
        }
        catch (PartnershipDomainException ex)
        {
            problem = ex.Message;
        }

        if (distribution is null)
        {
            yield return new ParagraphBlock("The savings share cannot be calculated: " + problem);
            yield break;
        }

        yield return new HeadingBlock(3, "Who gets the savings back");
        yield return new ParagraphBlock($"The partner that pays is often not the one that saves. Under the pool's rule, savings are shared {offer.Pool.SavingsShare.Describe()}. Each year's shares add up to that year's savings to the penny; a positive transfer is money due to the partner, a negative one money it passes on.");
        yield return SavingsTable(distribution);
        if (distribution.OutsidePartnership.Count > 0)
        {
            yield return new ParagraphBlock("Benefits to bodies outside the partnership, not shared: " + string.Join("; ",
                distribution.OutsidePartnership.Select(f => $"{f.Agency} {f.Year} {Formats.Money(f.Benefit)}")) + ".");
        }
    }

    private static TableBlock EngagementTable(Offer offer) => new(
        "Who was engaged, how and when",
        ["Who", "Sector", "How", "When"],
        offer.Engagement.Select(e => (IReadOnlyList<string>)[e.Who, SectorLabel(e.Sector), e.How, Formats.Date(e.When)]).ToList(),
        new HashSet<int>());

    private static IEnumerable<DocumentBlock> GovernanceBlocks(Offer offer, string heading = "Governance and accountability")
    {
        yield return new HeadingBlock(2, heading);
        yield return new FactsBlock(
        [
            new("Accountable body", Text(offer.Pool?.AccountableBody, "not yet named")),
            new("How the board decides", Text(offer.Governance.DecisionRule, "not yet stated")),
            new("How disputes are settled", Text(offer.Governance.DisputeRule, "not yet stated")),
        ]);
        yield return new TableBlock(
            "Board members",
            ["Name", "Role", "Represents"],
            offer.Governance.BoardMembers.Select(b => (IReadOnlyList<string>)[b.Name, b.Role, b.Partner]).ToList(),
            new HashSet<int>());
    }

    private static string Text(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    private static string KindLabel(Offer offer) => offer.Kind == OfferKind.Single
        ? "Single Offer"
        : $"Innovative Policy Offer: {Text(offer.PolicyDomain, "policy domain not yet named")}";

    private static string StatusLabel(OfferStatus status) => status switch
    {
        OfferStatus.InDelivery => "In delivery",
        _ => status.ToString(),
    };

    private static string SectorLabel(EngagementSector sector) => sector switch
    {
        EngagementSector.ThirdSector => "Third sector",
        _ => sector.ToString(),
    };

    private static string RagLabel(Rag rag) => rag switch
    {
        Rag.NotMeasured => "Not measured",
        _ => rag.ToString(),
    };

    private static string KindLabel(AgencyKind kind) => kind switch
    {
        AgencyKind.LocalAuthority => "local authority",
        AgencyKind.Nhs => "NHS",
        AgencyKind.Police => "police",
        AgencyKind.FireAndRescue => "fire and rescue",
        AgencyKind.CentralDepartment => "central government",
        AgencyKind.Education => "education",
        AgencyKind.Housing => "housing",
        AgencyKind.ThirdSector => "third sector",
        _ => "other",
    };
}
