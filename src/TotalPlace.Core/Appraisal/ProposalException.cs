namespace TotalPlace.Core.Appraisal;

/// <summary>A proposal breaks a rule of the method (a field out of range, an unknown unit cost, a year outside the horizon).</summary>
public sealed class ProposalException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public ProposalException(IReadOnlyList<ProposalError> errors)
        : base(string.Join("; ", errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        Errors = errors;
        Data["Paths"] = string.Join(",", errors.Select(e => e.Path));
    }

    /// <summary>Creates the exception with a message.</summary>
    public ProposalException(string message)
        : base(message) => Errors = [new ProposalError("", message)];

    /// <summary>Creates the exception with no details.</summary>
    public ProposalException()
        : this("the proposal is not valid")
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public ProposalException(string message, Exception innerException)
        : base(message, innerException) => Errors = [new ProposalError("", message)];

    /// <summary>Every problem found, each naming its field path.</summary>
    public IReadOnlyList<ProposalError> Errors { get; }
}
