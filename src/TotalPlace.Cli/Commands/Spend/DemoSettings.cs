using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Spend;

public sealed class DemoSettings : FormattedSettings
{
    [CommandOption("--lines-per-year <N>")]
    [Description("Synthetic spend lines per year across all partners.")]
    [DefaultValue(40_000)]
    public int LinesPerYear { get; set; } = 40_000;

    [CommandOption("--years <N>")]
    [Description("How many financial years to build, from 2021-22.")]
    [DefaultValue(3)]
    public int Years { get; set; } = 3;

    [CommandOption("--seed <N>")]
    [Description("The generator's seed; the same seed builds the same place.")]
    [DefaultValue(2009)]
    public int Seed { get; set; } = 2009;

    public override ValidationResult Validate() => PlaceOption.All(
        base.Validate(),
        LinesPerYear is >= 0 and <= 20_000_000 ? ValidationResult.Success() : ValidationResult.Error($"--lines-per-year must be between 0 and 20000000; it was {LinesPerYear}."),
        Years is >= 1 and <= 20 ? ValidationResult.Success() : ValidationResult.Error($"--years must be between 1 and 20; it was {Years}."));
}
