namespace TotalPlace.Core.Partnership;

/// <summary>
/// An offer from a place's partnership to government: its scope, partners, pooled or aligned budget, up to
/// <see cref="MaxOutcomes"/> outcomes, engagement, evidence, governance and attached appraisals.
/// </summary>
/// <remarks>
/// <para>The offer is an aggregate: collections change only through its methods, which keep its hard rules
/// (at most ten outcomes, unique outcome and partner names, allowed status changes). Softer rules, the ones a
/// draft may break while it is being written, are checked by <see cref="OfferValidator"/> before submission.</para>
/// <para>The offer never reads the clock: dates are given to it.</para>
/// </remarks>
public sealed class Offer
{
    /// <summary>The most outcomes an offer may have: offers set out "a small number — at most 10" outcomes.</summary>
    public const int MaxOutcomes = 10;

    /// <summary>The default term, in years.</summary>
    public const int DefaultTermYears = 3;

    private static readonly Dictionary<OfferStatus, OfferStatus[]> s_allowed = new()
    {
        [OfferStatus.Draft] = [OfferStatus.Submitted],
        [OfferStatus.Submitted] = [OfferStatus.Draft, OfferStatus.Agreed],
        [OfferStatus.Agreed] = [OfferStatus.InDelivery],
        [OfferStatus.InDelivery] = [OfferStatus.Closed],
        [OfferStatus.Closed] = [],
    };

    private readonly List<Partner> _partners = [];
    private readonly List<Outcome> _outcomes = [];
    private readonly List<EngagementRecord> _engagement = [];
    private readonly List<PartnershipEvidence> _evidence = [];
    private readonly List<AppraisalReference> _appraisals = [];
    private readonly List<OutcomeActual> _actuals = [];
    private readonly List<PoolSpend> _poolSpend = [];

    /// <summary>Creates a draft offer.</summary>
    /// <param name="id">A short identifier, unique in the store (e.g. "gm-working-well-2027").</param>
    /// <param name="title">The offer's title.</param>
    /// <param name="placeCode">The ONS GSS code of the place (e.g. "E11000001").</param>
    /// <param name="placeName">The place's name.</param>
    /// <param name="kind">Single or Innovative Policy.</param>
    /// <param name="startDate">When delivery starts.</param>
    public Offer(string id, string title, string placeCode, string placeName, OfferKind kind, DateOnly startDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentNullException.ThrowIfNull(placeName);
        Id = id;
        Title = title;
        PlaceCode = placeCode;
        PlaceName = placeName;
        Kind = kind;
        StartDate = startDate;
        InterimReportDate = startDate.AddMonths(18);
    }

    /// <summary>The offer's identifier.</summary>
    public string Id { get; }

    /// <summary>The offer's title.</summary>
    public string Title { get; }

    /// <summary>The place's ONS GSS code.</summary>
    public string PlaceCode { get; }

    /// <summary>The place's name.</summary>
    public string PlaceName { get; }

    /// <summary>Single or Innovative Policy.</summary>
    public OfferKind Kind { get; }

    /// <summary>The policy domain of an Innovative Policy Offer (e.g. "worklessness and skills"); null for a Single Offer.</summary>
    public string? PolicyDomain { get; set; }

    /// <summary>What the offer covers: services, client groups, geography.</summary>
    public string Scope { get; set; } = "";

    /// <summary>When delivery starts.</summary>
    public DateOnly StartDate { get; }

    /// <summary>The term in years (3 by default).</summary>
    public int TermYears
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 25);
            field = value;
        }
    } = DefaultTermYears;

    /// <summary>The last day of the term (inclusive).</summary>
    public DateOnly EndDate => StartDate.AddYears(TermYears).AddDays(-1);

    /// <summary>When the interim report is due; 18 months after the start unless set.</summary>
    public DateOnly InterimReportDate { get; set; }

    /// <summary>The document version printed on the offer and MoU, e.g. "1.0".</summary>
    public string Version { get; set; } = "0.1";

    /// <summary>The date printed on the offer and MoU (the date of this version).</summary>
    public DateOnly DocumentDate { get; set; }

    /// <summary>Where the offer is in its life.</summary>
    public OfferStatus Status { get; private set; } = OfferStatus.Draft;

    /// <summary>The pooled or aligned budget; null until set.</summary>
    public Pool? Pool { get; set; }

    /// <summary>The board and its rules.</summary>
    public Governance Governance { get; set; } = Governance.Empty;

    /// <summary>The partners, in the order they were added (the order of every table).</summary>
    public IReadOnlyList<Partner> Partners => _partners;

    /// <summary>The outcomes (at most <see cref="MaxOutcomes"/>).</summary>
    public IReadOnlyList<Outcome> Outcomes => _outcomes;

    /// <summary>Engagement of communities and the third sector.</summary>
    public IReadOnlyList<EngagementRecord> Engagement => _engagement;

    /// <summary>Evidence of partnership.</summary>
    public IReadOnlyList<PartnershipEvidence> Evidence => _evidence;

    /// <summary>Appraisals attached by reference.</summary>
    public IReadOnlyList<AppraisalReference> Appraisals => _appraisals;

    /// <summary>Outcome actuals recorded during delivery.</summary>
    public IReadOnlyList<OutcomeActual> Actuals => _actuals;

    /// <summary>Spend recorded against the pool, by year.</summary>
    public IReadOnlyList<PoolSpend> PoolSpend => _poolSpend;

    /// <summary>The financial years the term touches, in order.</summary>
    public IReadOnlyList<FiscalYear> TermFiscalYears
    {
        get
        {
            var first = FiscalYear.Containing(StartDate);
            var last = FiscalYear.Containing(EndDate);
            var years = new List<FiscalYear>();
            for (var y = first; y <= last; y = y.Next)
            {
                years.Add(y);
            }

            return years;
        }
    }

    /// <summary>Adds a partner.</summary>
    /// <exception cref="PartnershipDomainException">A partner of that name is already in the offer.</exception>
    public void AddPartner(Partner partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        if (_partners.Exists(p => string.Equals(p.Name, partner.Name, StringComparison.Ordinal)))
        {
            throw new PartnershipDomainException($"The partner '{partner.Name}' is already in the offer; partner names must be unique.");
        }

        _partners.Add(partner);
    }

    /// <summary>Adds an outcome.</summary>
    /// <exception cref="PartnershipDomainException">The offer already has <see cref="MaxOutcomes"/> outcomes, or one of that name.</exception>
    public void AddOutcome(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (_outcomes.Count >= MaxOutcomes)
        {
            throw new PartnershipDomainException(
                $"An offer may have at most {MaxOutcomes} outcomes; '{outcome.Name}' would be number {_outcomes.Count + 1}. Merge or drop an outcome first.");
        }

        if (_outcomes.Exists(o => string.Equals(o.Name, outcome.Name, StringComparison.Ordinal)))
        {
            throw new PartnershipDomainException($"The outcome '{outcome.Name}' is already in the offer; outcome names must be unique.");
        }

        _outcomes.Add(outcome);
    }

    /// <summary>Records engagement of a community group or third-sector organisation.</summary>
    public void AddEngagement(EngagementRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _engagement.Add(record);
    }

    /// <summary>Adds evidence of partnership.</summary>
    public void AddEvidence(PartnershipEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        _evidence.Add(evidence);
    }

    /// <summary>Attaches an appraisal by reference.</summary>
    /// <exception cref="PartnershipDomainException">An appraisal with that proposal id is already attached.</exception>
    public void AttachAppraisal(AppraisalReference appraisal)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        if (_appraisals.Exists(a => string.Equals(a.ProposalId, appraisal.ProposalId, StringComparison.Ordinal)))
        {
            throw new PartnershipDomainException($"The appraisal of proposal '{appraisal.ProposalId}' is already attached.");
        }

        _appraisals.Add(appraisal);
    }

    /// <summary>Attaches an appraisal by reference, replacing one already attached for the same proposal (a proposal
    /// re-attached after it changed brings its new figures, never a second copy).</summary>
    /// <returns>True when an earlier reference to the proposal was replaced.</returns>
    public bool AttachOrReplaceAppraisal(AppraisalReference appraisal)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        var index = _appraisals.FindIndex(a => string.Equals(a.ProposalId, appraisal.ProposalId, StringComparison.Ordinal));
        if (index < 0)
        {
            _appraisals.Add(appraisal);
            return false;
        }

        _appraisals[index] = appraisal;
        return true;
    }

    /// <summary>Records an actual value of an outcome's indicator.</summary>
    /// <exception cref="PartnershipDomainException">The offer has no outcome of that name.</exception>
    public void RecordActual(OutcomeActual actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        if (!_outcomes.Exists(o => string.Equals(o.Name, actual.Outcome, StringComparison.Ordinal)))
        {
            throw new PartnershipDomainException($"There is no outcome '{actual.Outcome}' in the offer; actuals must name one of its outcomes.");
        }

        _actuals.Add(actual);
    }

    /// <summary>Records spend against the pool in a year, replacing any figure already recorded for that year.</summary>
    public void RecordPoolSpend(PoolSpend spend)
    {
        ArgumentNullException.ThrowIfNull(spend);
        _poolSpend.RemoveAll(s => s.Year == spend.Year);
        _poolSpend.Add(spend);
    }

    /// <summary>True when the offer may move from its current status to <paramref name="next"/>.</summary>
    public bool CanMoveTo(OfferStatus next) => s_allowed[Status].Contains(next);

    /// <summary>Moves the offer to the next status.</summary>
    /// <remarks>Moving to <see cref="OfferStatus.Submitted"/> runs <see cref="OfferValidator"/> first, and refuses
    /// an offer with issues; the exception carries them all.</remarks>
    /// <exception cref="PartnershipDomainException">The change is not allowed, or the offer is not ready to submit.</exception>
    public void MoveTo(OfferStatus next)
    {
        if (!CanMoveTo(next))
        {
            var allowed = s_allowed[Status];
            var options = allowed.Length == 0 ? "none: it is final" : string.Join(" or ", allowed);
            throw new PartnershipDomainException($"An offer cannot move from {Status} to {next}; from {Status} it may move to {options}.");
        }

        if (next == OfferStatus.Submitted)
        {
            var issues = OfferValidator.Validate(this);
            if (issues.Count > 0)
            {
                throw new PartnershipDomainException(
                    $"The offer cannot be submitted: {issues.Count} issue(s), first {issues[0]}", issues);
            }
        }

        Status = next;
    }

    /// <summary>Sets the status without checks, for loading an offer that was saved in that status.</summary>
    internal void RestoreStatus(OfferStatus status) => Status = status;
}
