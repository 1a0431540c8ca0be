using TotalPlace.Core.Partnership;
using TotalPlace.Core.Places;

namespace TotalPlace.Core.Tests.Partnership;

/// <summary>Builds a small offer that passes validation; each test changes only what it is about.</summary>
internal sealed class OfferBuilder
{
    public const string Council = "Manchester City Council";
    public const string Nhs = "NHS Greater Manchester ICB";
    public const string Dwp = "DWP Jobcentre Plus";

    private static readonly FiscalYear s_y1 = FiscalYear.Parse("2027-28");

    private OfferKind _kind = OfferKind.Single;
    private string? _domain;
    private int _outcomes = 2;
    private bool _baseline = true;
    private bool _signatories = true;
    private bool _appraisal = true;
    private decimal _statedTotal = 600m;
    private ShareRule _savings = ShareRule.Proportional;

    public OfferBuilder InnovativePolicy(string? domain)
    {
        _kind = OfferKind.InnovativePolicy;
        _domain = domain;
        return this;
    }

    public OfferBuilder WithOutcomes(int count)
    {
        _outcomes = count;
        return this;
    }

    public OfferBuilder WithoutBaselines()
    {
        _baseline = false;
        return this;
    }

    public OfferBuilder WithoutSignatories()
    {
        _signatories = false;
        return this;
    }

    public OfferBuilder WithoutAppraisal()
    {
        _appraisal = false;
        return this;
    }

    public OfferBuilder WithStatedPoolTotal(decimal pounds)
    {
        _statedTotal = pounds;
        return this;
    }

    public OfferBuilder SharingSavings(ShareRule rule)
    {
        _savings = rule;
        return this;
    }

    public static Outcome AnOutcome(string name, bool baseline = true) => new(
        name,
        "Residents in sustained work",
        "people",
        baseline ? new Measurement(100m, new DateOnly(2027, 4, 1)) : null,
        new Measurement(300m, new DateOnly(2030, 3, 31)),
        Dwp,
        [Dwp]);

    public Offer Build()
    {
        var offer = new Offer("test-offer", "Test offer", "E11000001", "Greater Manchester", _kind, new DateOnly(2027, 4, 1))
        {
            PolicyDomain = _domain,
            Scope = "Worklessness",
            Version = "1.0",
            DocumentDate = new DateOnly(2026, 11, 24),
        };
        foreach (var name in new[] { Council, Nhs, Dwp })
        {
            offer.AddPartner(new Partner(name, AgencyKind.Other, _signatories ? [new Signatory("A Person", "Chief Executive")] : []));
        }

        offer.Pool = new Pool(
            PoolKind.Pooled,
            Council,
            new Dictionary<FiscalYear, Money> { [s_y1] = Money.FromPounds(_statedTotal) },
            [
                new Contribution(Council, s_y1, Money.FromPounds(250m), Money.FromPounds(50m)),
                new Contribution(Nhs, s_y1, Money.FromPounds(200m), Money.Zero),
                new Contribution(Dwp, s_y1, Money.FromPounds(100m), Money.Zero),
            ],
            ShareRule.Proportional,
            _savings);
        for (var i = 0; i < _outcomes; i++)
        {
            offer.AddOutcome(AnOutcome($"Outcome {i + 1}", _baseline));
        }

        offer.Governance = new Governance([new BoardMember("A Person", "Chair", Council)], "Consensus", "Mediation");
        if (_appraisal)
        {
            offer.AttachAppraisal(new AppraisalReference("p1", "Keyworkers", "NPV £1m", [
                new AgencyFiscalFlow(Dwp, s_y1, Money.FromPounds(1000m), Money.FromPounds(100m)),
                new AgencyFiscalFlow(Nhs, s_y1, Money.FromPounds(500m), Money.FromPounds(200m)),
            ]));
        }

        return offer;
    }
}
