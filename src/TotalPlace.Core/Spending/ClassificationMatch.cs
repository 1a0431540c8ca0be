namespace TotalPlace.Core.Spending;

/// <summary>How a classification rule's pattern is compared with a field. Every comparison ignores case and
/// surrounding white space, because publishers vary both.</summary>
public enum ClassificationMatch
{
    /// <summary>The whole field equals the pattern.</summary>
    Exact = 0,

    /// <summary>The field starts with the pattern.</summary>
    Prefix,

    /// <summary>The field contains the pattern anywhere.</summary>
    Contains,

    /// <summary>The field matches the pattern as a .NET regular expression (case-insensitive, invariant culture).</summary>
    Regex,
}
