using TotalPlace.Core.Partnership;

namespace TotalPlace.Storage.Partnership;

/// <summary>Keeps offers (with their pools, outcomes and recorded actuals) in the store, beside the place they belong to.</summary>
/// <remarks>Reach it as <see cref="IPlaceStore.Partnership"/>.</remarks>
public interface IPartnershipStore
{
    /// <summary>Saves an offer, replacing any saved offer with the same place and id; the place is created when new.
    /// The whole save is one transaction.</summary>
    Task SaveOfferAsync(Offer offer, CancellationToken cancellationToken = default);

    /// <summary>Loads an offer; null when the place has no offer with that id.</summary>
    Task<Offer?> LoadOfferAsync(string placeCode, string offerId, CancellationToken cancellationToken = default);

    /// <summary>Lists saved offers, for one place or all, ordered by place and id.</summary>
    Task<IReadOnlyList<OfferSummary>> ListOffersAsync(string? placeCode = null, CancellationToken cancellationToken = default);

    /// <summary>Records an outcome actual against a saved offer.</summary>
    /// <exception cref="PlaceStoreException">The offer is not in the store.</exception>
    /// <exception cref="PartnershipDomainException">The offer has no outcome of that name.</exception>
    Task RecordActualAsync(string placeCode, string offerId, OutcomeActual actual, CancellationToken cancellationToken = default);
}
