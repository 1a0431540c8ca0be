using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Settings for every offer verb: the offer file.</summary>
public class OfferFileSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The offer file (JSON; see docs/offers.md).")]
    public string File { get; set; } = "";

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(File)
            ? ValidationResult.Error("Name the offer file, e.g. samples/offers/gm-working-well.offer.json.")
            : ValidationResult.Success();
}
