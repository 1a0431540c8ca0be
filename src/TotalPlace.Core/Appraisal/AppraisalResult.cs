namespace TotalPlace.Core.Appraisal;

/// <summary>
/// The business case of a proposal: years, present values, NPVs, ROIs, payback, the agency matrix and the trace of
/// every figure. All amounts are unrounded decimals at <see cref="PriceBase"/> prices; round only for display.
/// </summary>
public sealed record AppraisalResult
{
    /// <summary>The proposal appraised.</summary>
    public required Proposal Proposal { get; init; }

    /// <summary>The price base, with its deflator series.</summary>
    public required PriceBase PriceBase { get; init; }

    /// <summary>The discount schedule used.</summary>
    public required DiscountSchedule Schedule { get; init; }

    /// <summary>The years, t = 0 … N−1.</summary>
    public required IReadOnlyList<AppraisalYear> Years { get; init; }

    /// <summary>Present value of costs.</summary>
    public required decimal PvCosts { get; init; }

    /// <summary>Present value of fiscal benefits (transfers included).</summary>
    public required decimal PvFiscal { get; init; }

    /// <summary>The cashable part of <see cref="PvFiscal"/>.</summary>
    public required decimal PvFiscalCashable { get; init; }

    /// <summary>The transfer part of <see cref="PvFiscal"/>.</summary>
    public required decimal PvFiscalTransfers { get; init; }

    /// <summary>Present value of economic benefits.</summary>
    public required decimal PvEconomic { get; init; }

    /// <summary>Present value of social benefits.</summary>
    public required decimal PvSocial { get; init; }

    /// <summary>Fiscal less transfers, plus economic and social.</summary>
    public decimal PvPublicValue => PvFiscal - PvFiscalTransfers + PvEconomic + PvSocial;

    /// <summary>PV fiscal − PV costs.</summary>
    public decimal NpvFiscal => PvFiscal - PvCosts;

    /// <summary>PV public value − PV costs.</summary>
    public decimal NpvPublicValue => PvPublicValue - PvCosts;

    /// <summary>PV fiscal ÷ PV costs ("£ returned per £1"); null when there are no costs.</summary>
    public decimal? RoiFiscal => PvCosts == 0m ? null : PvFiscal / PvCosts;

    /// <summary>PV public value ÷ PV costs; null when there are no costs.</summary>
    public decimal? RoiPublicValue => PvCosts == 0m ? null : PvPublicValue / PvCosts;

    /// <summary>The first year whose cumulative discounted fiscal net is ≥ 0, when fiscal ROI &gt; 1; else null.</summary>
    public required int? PaybackYearIndex { get; init; }

    /// <summary>The financial year of <see cref="PaybackYearIndex"/>.</summary>
    public FiscalYear? PaybackFiscalYear => PaybackYearIndex is { } t ? Years[t].FiscalYear : null;

    /// <summary>Internal rate of return of the undiscounted fiscal net flows, when it exists.</summary>
    public required decimal? IrrFiscal { get; init; }

    /// <summary>Who pays and who benefits, by agency, in order of first appearance.</summary>
    public required IReadOnlyList<AgencyLine> ByAgency { get; init; }

    /// <summary>Every non-zero figure by line and year, with its inputs, unit cost and rule.</summary>
    public required IReadOnlyList<TraceLine> Trace { get; init; }

    /// <summary>The conventions and citations the figures rest on, for reports.</summary>
    public required IReadOnlyList<string> Conventions { get; init; }
}
