using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Commands.Spend;

namespace TotalPlace.Cli.Commands.Waste;

public sealed class SupplierDecisionSettings : PlaceSettings
{
    [CommandArgument(0, "<NAME_A>")]
    [Description("A supplier name as published.")]
    public string NameA { get; set; } = string.Empty;

    [CommandArgument(1, "<NAME_B>")]
    [Description("The other supplier name as published.")]
    public string NameB { get; set; } = string.Empty;

    [CommandOption("--note <TEXT>")]
    [Description("Why: kept with the decision.")]
    public string? Note { get; set; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(NameA) || string.IsNullOrWhiteSpace(NameB)
            ? ValidationResult.Error("Give two supplier names as published.")
            : base.Validate();
}
