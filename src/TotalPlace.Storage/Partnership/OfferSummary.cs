namespace TotalPlace.Storage.Partnership;

/// <summary>One saved offer, as listed by <see cref="IPartnershipStore.ListOffersAsync"/>; figures are summed in SQL from the stored rows.</summary>
/// <param name="PlaceCode">The place's GSS code.</param>
/// <param name="OfferId">The offer's id.</param>
/// <param name="Title">The offer's title.</param>
/// <param name="Kind">Single or InnovativePolicy.</param>
/// <param name="Status">Draft, Submitted, Agreed, InDelivery or Closed.</param>
/// <param name="StartDate">When delivery starts.</param>
/// <param name="Version">The document version.</param>
/// <param name="Partners">How many partners contribute.</param>
/// <param name="Outcomes">How many outcomes.</param>
/// <param name="PoolTotal">All contributions over the term, cash and in kind.</param>
/// <param name="Actuals">How many outcome actuals are recorded.</param>
public sealed record OfferSummary(
    string PlaceCode,
    string OfferId,
    string Title,
    string Kind,
    string Status,
    DateOnly StartDate,
    string Version,
    int Partners,
    int Outcomes,
    decimal PoolTotal,
    int Actuals);
