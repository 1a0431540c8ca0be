using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Settings for writing a stored offer back out as an offer file.</summary>
public sealed class ShowSettings : StoreSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The offer's id, as listed by `offer list`.")]
    public string Id { get; set; } = "";

    [CommandOption("-p|--place <GSSCODE>")]
    [Description("The place the offer belongs to (ONS GSS code).")]
    public string? Place { get; set; }

    [CommandOption("-o|--out <PATH>")]
    [Description("Write the offer file here; standard output when not given.")]
    public string? Out { get; set; }

    public override ValidationResult Validate() =>
        PlaceOption.All(base.Validate(), PlaceOption.ValidatePlace(Place, required: true));
}
