namespace TotalPlace.Cli.Infrastructure;

/// <summary>How a command writes its result: a table for people, CSV or JSON for other programs.</summary>
public enum OutputFormat
{
    Table,
    Csv,
    Json,
}
