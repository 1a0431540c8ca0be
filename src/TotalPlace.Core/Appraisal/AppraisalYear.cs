namespace TotalPlace.Core.Appraisal;

/// <summary>One year of an appraisal, undiscounted (at price-base prices) with its discount factor.</summary>
public sealed record AppraisalYear
{
    /// <summary>The year index (0 = first year).</summary>
    public required int T { get; init; }

    /// <summary>The financial year.</summary>
    public required FiscalYear FiscalYear { get; init; }

    /// <summary>Costs after optimism bias.</summary>
    public required decimal Costs { get; init; }

    /// <summary>Fiscal benefits (transfers included).</summary>
    public required decimal Fiscal { get; init; }

    /// <summary>The cashable part of <see cref="Fiscal"/>.</summary>
    public required decimal FiscalCashable { get; init; }

    /// <summary>The part of <see cref="Fiscal"/> that is transfers.</summary>
    public required decimal FiscalTransfers { get; init; }

    /// <summary>Economic benefits.</summary>
    public required decimal Economic { get; init; }

    /// <summary>Social benefits.</summary>
    public required decimal Social { get; init; }

    /// <summary>Fiscal less transfers, plus economic and social.</summary>
    public decimal PublicValue => Fiscal - FiscalTransfers + Economic + Social;

    /// <summary>The Green Book discount factor of the year.</summary>
    public required decimal DiscountFactor { get; init; }

    /// <summary>(Fiscal − Costs) × DF.</summary>
    public decimal DiscountedFiscalNet => (Fiscal - Costs) * DiscountFactor;

    /// <summary>The running total of <see cref="DiscountedFiscalNet"/> up to and including this year.</summary>
    public required decimal CumulativeDiscountedFiscalNet { get; init; }
}
