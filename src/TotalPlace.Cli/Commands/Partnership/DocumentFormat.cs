namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>The file format of a rendered document.</summary>
public enum DocumentFormat
{
    Html,
    Md,
    Pdf,
}
