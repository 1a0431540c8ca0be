namespace TotalPlace.Web.Api;

/// <summary>Where a saved offer is.</summary>
public sealed record OfferSaved(string PlaceCode, string Id, string Status, string Page);
