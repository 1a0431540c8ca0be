using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Spend;

public sealed class BatchesSettings : FormattedSettings
{
    [CommandOption("-p|--place <GSSCODE>")]
    [Description("Only batches of this place.")]
    public string? Place { get; set; }

    [CommandOption("--rejects")]
    [Description("Also list the rows left out of partially loaded batches.")]
    public bool Rejects { get; set; }

    public override ValidationResult Validate() =>
        PlaceOption.All(base.Validate(), PlaceOption.ValidatePlace(Place, required: false));
}
