namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Which document <c>offer render</c> produces.</summary>
public enum DocumentKind
{
    Offer,
    Mou,
    Interim,
    Final,
}
