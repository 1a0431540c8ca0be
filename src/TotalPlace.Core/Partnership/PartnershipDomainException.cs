namespace TotalPlace.Core.Partnership;

/// <summary>A partnership rule was broken: an 11th outcome, a status change that is not allowed, submitting an
/// offer that is not ready.</summary>
public class PartnershipDomainException : Exception
{
    /// <summary>Creates the exception with a message that states the rule.</summary>
    public PartnershipDomainException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the issues that caused it.</summary>
    public PartnershipDomainException(string message, IReadOnlyList<OfferIssue> issues)
        : base(message)
    {
        Issues = issues;
    }

    /// <summary>Creates an exception with no message (for serializers and tests).</summary>
    public PartnershipDomainException()
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public PartnershipDomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Validation issues that stopped the operation, when there were any.</summary>
    public IReadOnlyList<OfferIssue> Issues { get; } = [];
}
