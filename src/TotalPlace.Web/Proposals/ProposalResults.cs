using System.Globalization;
using TotalPlace.Application.Appraisal;
using TotalPlace.Core;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Web.Proposals;

/// <summary>The proposal editor's live results: the engine's figures (unrounded, for scripts) with the text the page
/// shows (money through <see cref="MoneyFormat"/>), or the errors by field path that stop an appraisal.</summary>
/// <param name="Valid">True when the engine appraised the proposal.</param>
/// <param name="Errors">Why not, by field path.</param>
/// <param name="Headline">PV costs, PV fiscal, fiscal and public value NPV, benefit-cost ratios, payback, IRR.</param>
/// <param name="ByAgency">Who pays and who benefits, with each agency's benefit-cost ratio.</param>
/// <param name="OptimismBias">What optimism bias did, and each line's rate.</param>
public sealed record ProposalResults(
    bool Valid,
    IReadOnlyList<ProposalFieldError> Errors,
    IReadOnlyList<ResultFigure> Headline,
    IReadOnlyList<AgencyResult> ByAgency,
    OptimismBiasResult? OptimismBias)
{
    public static ProposalResults From(ProposalAppraisal appraisal)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        var errors = appraisal.Errors.Select(e => new ProposalFieldError(e.Path, e.Message)).ToList();
        if (appraisal.Result is not { } r)
        {
            return new ProposalResults(false, errors, [], [], null);
        }

        var headline = new List<ResultFigure>
        {
            Money("pv-costs", "PV costs", r.PvCosts),
            Money("pv-fiscal", "PV fiscal benefits", r.PvFiscal),
            Money("npv-fiscal", "Fiscal NPV", r.NpvFiscal),
            Money("npv-public-value", "Public value NPV", r.NpvPublicValue),
            Ratio("bcr-fiscal", "Fiscal benefit-cost ratio", r.RoiFiscal),
            Ratio("bcr-public-value", "Public value benefit-cost ratio", r.RoiPublicValue),
            new("payback", "Payback", null, r.PaybackFiscalYear is { } y ? $"{y} (year {r.PaybackYearIndex})" : "No fiscal payback within the appraisal"),
            new("irr", "Fiscal IRR", r.IrrFiscal, r.IrrFiscal is { } irr ? irr.ToString("P1", CultureInfo.GetCultureInfo("en-GB")) : "None"),
        };
        var byAgency = r.ByAgency.Select(a => new AgencyResult(
            a.Agency,
            a.PvCosts,
            MoneyFormat.Pounds(a.PvCosts),
            a.PvFiscalBenefits,
            MoneyFormat.Pounds(a.PvFiscalBenefits),
            a.NetFiscal,
            MoneyFormat.Pounds(a.NetFiscal),
            a.PvCosts == 0m ? null : a.PvFiscalBenefits / a.PvCosts,
            a.PvCosts == 0m ? "No costs" : RatioText(a.PvFiscalBenefits / a.PvCosts))).ToList();
        var ob = appraisal.OptimismBias is { } e
            ? new OptimismBiasResult(
                e.CostUplift,
                MoneyFormat.Pounds(e.CostUplift),
                e.FiscalReduction,
                MoneyFormat.Pounds(e.FiscalReduction),
                e.Lines.Select(l => new OptimismBiasLineResult(l.Line, l.Label, l.Rate, l.Rate.ToString("P0", CultureInfo.GetCultureInfo("en-GB")), l.Basis)).ToList())
            : null;
        return new ProposalResults(true, errors, headline, byAgency, ob);
    }

    private static ResultFigure Money(string id, string label, decimal value) => new(id, label, value, MoneyFormat.Pounds(value));

    private static ResultFigure Ratio(string id, string label, decimal? value) => new(id, label, value, value is { } v ? RatioText(v) : "No costs");

    private static string RatioText(decimal ratio) => MoneyFormat.Pounds(ratio) + " per £1";
}

/// <summary>A problem with the proposal at a field path.</summary>
public sealed record ProposalFieldError(string Path, string Message);

/// <summary>One headline figure: its id (the page's element), label, value and text.</summary>
public sealed record ResultFigure(string Id, string Label, decimal? Value, string Text);

/// <summary>One agency's present values and benefit-cost ratio.</summary>
public sealed record AgencyResult(string Agency, decimal PvCosts, string PvCostsText, decimal PvFiscalBenefits, string PvFiscalBenefitsText, decimal NetFiscal, string NetFiscalText, decimal? BenefitCostRatio, string BenefitCostRatioText);

/// <summary>What optimism bias did to the present values.</summary>
public sealed record OptimismBiasResult(decimal CostUplift, string CostUpliftText, decimal FiscalReduction, string FiscalReductionText, IReadOnlyList<OptimismBiasLineResult> Lines);

/// <summary>One line's optimism bias rate.</summary>
public sealed record OptimismBiasLineResult(string Line, string Label, decimal Rate, string RateText, string Basis);

/// <summary>A unit cost found by search.</summary>
public sealed record UnitCostHit(string Code, string Description, string Unit, string Agency, string Theme, string Confidence, string? Fiscal, string? Economic, string? Social, string? PriceYear)
{
    public static UnitCostHit From(UnitCost u)
    {
        ArgumentNullException.ThrowIfNull(u);
        static string? Text(UnitCostValue? v) => v is null ? null : MoneyFormat.Pounds(v.Amount);
        var year = (u.Fiscal ?? u.Economic ?? u.Social)?.PriceYear.ToString();
        return new UnitCostHit(u.Code, u.Description, u.Unit, u.Agency, u.Theme, u.Confidence, Text(u.Fiscal), Text(u.Economic), Text(u.Social), year);
    }
}

/// <summary>A saved proposal in a list, with its figures appraised now.</summary>
public sealed record ProposalListItem(string Place, string Id, string Name, string? Offer, string SavedBy, DateTimeOffset SavedAt, decimal? PvCosts, decimal? NpvFiscal, decimal? RoiFiscal, string? Payback, string? Problem)
{
    public static ProposalListItem From(ProposalListing l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var r = l.Appraisal.Result;
        return new ProposalListItem(l.Stored.PlaceCode, l.Stored.Id, l.Stored.Name, l.Stored.OfferId, l.Stored.SavedBy, l.Stored.SavedAt, r?.PvCosts, r?.NpvFiscal, r?.RoiFiscal, r?.PaybackFiscalYear?.ToString(), r is null ? string.Join("; ", l.Appraisal.Errors) : null);
    }
}

/// <summary>A proposal saved: where it is and its page.</summary>
public sealed record ProposalSavedResponse(string Place, string Id, string Name, string Page);

/// <summary>A proposal attached to an offer: the summary the offer now carries.</summary>
public sealed record ProposalAttachedResponse(string Place, string Proposal, string Offer, string Summary, string OfferPage);
