using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Spend;

/// <summary>Settings for verbs about one place.</summary>
public class PlaceSettings : FormattedSettings
{
    [CommandOption("-p|--place <GSSCODE>")]
    [Description("The place's ONS GSS code, e.g. E08000003.")]
    public string? Place { get; set; }

    public string PlaceCode => PlaceOption.Normalise(Place!);

    public override ValidationResult Validate() => PlaceOption.All(base.Validate(), PlaceOption.ValidatePlace(Place));
}
