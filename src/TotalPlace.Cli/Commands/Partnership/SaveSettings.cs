using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Settings for saving an offer file into a store.</summary>
public sealed class SaveSettings : StoreSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The offer file (JSON; see docs/offers.md).")]
    public string File { get; set; } = "";

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(File) ? ValidationResult.Error("Name the offer file to save.") : base.Validate();
}
