using System.ComponentModel;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Settings for offer verbs that print a table, CSV or JSON.</summary>
public class OfferTableSettings : OfferFileSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: table, csv or json.")]
    [DefaultValue(OutputFormat.Table)]
    public OutputFormat Format { get; set; } = OutputFormat.Table;
}
