namespace TotalPlace.Cli.Infrastructure;

/// <summary>The file format of a rendered document.</summary>
public enum DocumentFileFormat
{
    Html,
    Md,
    Pdf,
    Docx,
}
