namespace TotalPlace.Cli.Infrastructure;

/// <summary>How a command writes its result: a table for people, CSV or JSON for other programs, or a PDF document where the verb has one.</summary>
public enum OutputFormat
{
    Table,
    Csv,
    Json,

    /// <summary>A PDF document; only <c>map</c> (the board pack) writes one.</summary>
    Pdf,
}
