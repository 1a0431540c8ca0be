namespace TotalPlace.Core.Partnership;

/// <summary>Where an offer is in its life: draft → submitted → agreed → in delivery → closed.</summary>
public enum OfferStatus
{
    /// <summary>Being written.</summary>
    Draft = 0,

    /// <summary>Sent to government; it passed validation.</summary>
    Submitted,

    /// <summary>Government and the partners have agreed it.</summary>
    Agreed,

    /// <summary>Being delivered over the term.</summary>
    InDelivery,

    /// <summary>The term is over and the final report made.</summary>
    Closed,
}
