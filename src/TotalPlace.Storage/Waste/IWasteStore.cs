using TotalPlace.Core.Assets;
using TotalPlace.Core.Waste;

namespace TotalPlace.Storage.Waste;

/// <summary>The waste side of a store: transactions to analyse, findings with their review decisions, reviewers'
/// supplier merges and splits, and the asset register.</summary>
public interface IWasteStore
{
    /// <summary>Streams every transaction line of a place with its partner and theme (the input of the waste analyses).</summary>
    IAsyncEnumerable<PartnerTransaction> ReadTransactionsAsync(string placeCode, CancellationToken cancellationToken = default);

    /// <summary>How many transaction lines the place has (what a waste run will read), for its progress.</summary>
    Task<long> CountTransactionsAsync(string placeCode, CancellationToken cancellationToken = default);

    /// <summary>Replaces the place's findings with a new run's (decisions are kept: they are keyed by finding key).</summary>
    Task SaveFindingsAsync(string placeCode, IReadOnlyList<WasteFinding> findings, DateTimeOffset foundAt, CancellationToken cancellationToken = default);

    /// <summary>The place's findings from the last run, with the latest decision on each applied, ranked (false
    /// positives last).</summary>
    Task<IReadOnlyList<WasteFinding>> ListFindingsAsync(string placeCode, CancellationToken cancellationToken = default);

    /// <summary>One page of the place's findings, filtered and sorted in the store's query, with the count of all
    /// that match.</summary>
    Task<Page<WasteFinding>> ListFindingsAsync(string placeCode, WasteFindingQuery query, CancellationToken cancellationToken = default);

    /// <summary>One saved finding with its latest decision applied, or null when the place has none with this key: what a
    /// reviewer's decision checks, without loading the others.</summary>
    Task<WasteFinding?> FindFindingAsync(string placeCode, string key, CancellationToken cancellationToken = default);

    /// <summary>Records a review decision; the latest decision on a finding wins, on this and every later run.</summary>
    Task RecordDecisionAsync(string placeCode, FindingDecision decision, CancellationToken cancellationToken = default);

    /// <summary>Every review decision of the place, oldest first.</summary>
    Task<IReadOnlyList<FindingDecision>> ListDecisionsAsync(string placeCode, CancellationToken cancellationToken = default);

    /// <summary>Records a reviewer's supplier merge or split; resolution applies them on every later run.</summary>
    Task AddSupplierDecisionAsync(string placeCode, SupplierDecision decision, string decidedBy, DateTimeOffset decidedAt, CancellationToken cancellationToken = default);

    /// <summary>The place's supplier merges and splits, oldest first.</summary>
    Task<IReadOnlyList<SupplierDecision>> ListSupplierDecisionsAsync(string placeCode, CancellationToken cancellationToken = default);

    /// <summary>Replaces one partner's assets in the place atomically (an asset file is that partner's whole register).</summary>
    Task<int> ReplaceAssetsAsync(string placeCode, string agency, IReadOnlyList<Asset> assets, CancellationToken cancellationToken = default);

    /// <summary>Every asset of the place.</summary>
    Task<IReadOnlyList<Asset>> ListAssetsAsync(string placeCode, CancellationToken cancellationToken = default);
}
