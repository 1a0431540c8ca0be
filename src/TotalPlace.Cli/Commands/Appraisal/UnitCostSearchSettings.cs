using System.ComponentModel;
using Spectre.Console.Cli;

namespace TotalPlace.Cli.Commands.Appraisal;

/// <summary>Options of <c>totalplace unit-costs search</c>.</summary>
public sealed class UnitCostSearchSettings : CommandSettings
{
    [CommandArgument(0, "<TEXT>")]
    [Description("Words to find in the code, description, agency or theme (all must match).")]
    public string[] Words { get; set; } = [];

    public string Text => string.Join(' ', Words);

    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: table or json.")]
    [DefaultValue("table")]
    public string Format { get; set; } = "table";

    [CommandOption("--limit <N>")]
    [Description("Show at most N entries.")]
    [DefaultValue(25)]
    public int Limit { get; set; } = 25;
}
