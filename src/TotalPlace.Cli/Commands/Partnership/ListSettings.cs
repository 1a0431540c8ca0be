using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Settings for listing stored offers.</summary>
public sealed class ListSettings : FormattedSettings
{
    [CommandOption("-p|--place <GSSCODE>")]
    [Description("Only this place's offers (ONS GSS code).")]
    public string? Place { get; set; }

    public override ValidationResult Validate() =>
        PlaceOption.All(base.Validate(), PlaceOption.ValidatePlace(Place, required: false));
}
