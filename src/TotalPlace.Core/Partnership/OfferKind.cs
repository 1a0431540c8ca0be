namespace TotalPlace.Core.Partnership;

/// <summary>The two kinds of offer a place makes to government.</summary>
public enum OfferKind
{
    /// <summary>Covers the place's whole partnership.</summary>
    Single = 0,

    /// <summary>Covers one policy domain where the partners perform strongly; needs <see cref="Offer.PolicyDomain"/>.</summary>
    InnovativePolicy,
}
