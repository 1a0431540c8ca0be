using System.Diagnostics.CodeAnalysis;

namespace TotalPlace.Core.Appraisal;

/// <summary>The result of parsing a proposal: the proposal, or every error found, each naming its field path.</summary>
public sealed class ProposalParseResult
{
    private readonly Proposal? _value;

    internal ProposalParseResult(Proposal? value, IReadOnlyList<ProposalError> errors)
    {
        _value = value;
        Errors = errors;
    }

    /// <summary>True when the document parsed without errors.</summary>
    [MemberNotNullWhen(true, nameof(_value))]
    public bool Success => _value is not null && Errors.Count == 0;

    /// <summary>Every error found (empty on success).</summary>
    public IReadOnlyList<ProposalError> Errors { get; }

    /// <summary>The proposal.</summary>
    /// <exception cref="ProposalException">Parsing failed; the exception lists the errors.</exception>
    public Proposal Value => Success ? _value : throw new ProposalException(Errors);

    /// <summary>Gets the proposal when parsing succeeded.</summary>
    public bool TryGetValue([NotNullWhen(true)] out Proposal? value)
    {
        value = Success ? _value : null;
        return value is not null;
    }
}
