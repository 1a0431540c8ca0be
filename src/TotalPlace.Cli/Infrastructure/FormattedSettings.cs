using System.ComponentModel;
using Spectre.Console.Cli;

namespace TotalPlace.Cli.Infrastructure;

/// <summary>Settings for verbs that print a result in a choice of formats.</summary>
public class FormattedSettings : StoreSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: table, csv or json (map also writes pdf: the one-page board pack).")]
    [DefaultValue(OutputFormat.Table)]
    public OutputFormat Format { get; set; } = OutputFormat.Table;
}
