using System.ComponentModel;
using Spectre.Console.Cli;

namespace TotalPlace.Cli.Commands.Appraisal;

/// <summary>Options of <c>totalplace unit-costs show</c>.</summary>
public sealed class UnitCostShowSettings : CommandSettings
{
    [CommandArgument(0, "<CODE>")]
    [Description("A Unit Cost Database code, e.g. E&E10.0.1.")]
    public string Code { get; set; } = "";

    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: table or json.")]
    [DefaultValue("table")]
    public string Format { get; set; } = "table";
}
