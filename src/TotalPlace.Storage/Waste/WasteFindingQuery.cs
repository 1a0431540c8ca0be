using TotalPlace.Core.Waste;

namespace TotalPlace.Storage.Waste;

/// <summary>Which saved findings to list, in what order, and which page: applied in the store's query, so a review
/// page costs the same for ten findings or a million.</summary>
public sealed record WasteFindingQuery
{
    /// <summary>Every finding but false positives, largest money at stake first, 50 a page.</summary>
    public static WasteFindingQuery Default { get; } = new();

    /// <summary>Only the finding with this key (a reviewer's decision loads just the finding it changes); null for all.</summary>
    public string? Key { get; init; }

    /// <summary>Only this kind; null for every kind.</summary>
    public FindingKind? Kind { get; init; }

    /// <summary>Only findings concerning this partner (exact name); null for all.</summary>
    public string? Partner { get; init; }

    /// <summary>Only scored findings (duplicates) at or above this score, and unscored ones; null for no floor.</summary>
    public double? MinScore { get; init; }

    /// <summary>Only findings with at least this much money at stake; null for no floor.</summary>
    public decimal? MinMoney { get; init; }

    /// <summary>Only findings in this review state; null for open and confirmed (and false positives too when
    /// <see cref="IncludeRejected"/>).</summary>
    public ReviewState? State { get; init; }

    /// <summary>Also list findings a reviewer marked as false positives (last, unless sorted otherwise).</summary>
    public bool IncludeRejected { get; init; }

    /// <summary>The order of the list.</summary>
    public WasteFindingSort Sort { get; init; } = WasteFindingSort.MoneyAtStake;

    /// <summary>1-based page number.</summary>
    public int PageNumber { get; init; } = 1;

    /// <summary>Findings a page; 0 for every finding on one page (exports and <c>--format json</c>).</summary>
    public int PageSize { get; init; } = 50;
}
