using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Counting;

/// <summary>Settings of <c>reconcile</c>.</summary>
public sealed class ReconcileSettings : FormattedSettings
{
    [CommandOption("-p|--place <GSSCODE>")]
    [Description("The place's ONS GSS code, e.g. E07000120.")]
    public string? Place { get; set; }

    [CommandOption("-y|--year <YEAR>")]
    [Description("The financial year, e.g. 2023-24.")]
    public string? Year { get; set; }

    public override ValidationResult Validate() => PlaceOption.All(base.Validate(), PlaceOption.ValidatePlace(Place), Year is null ? ValidationResult.Error("--year is required, e.g. --year 2023-24.") : PlaceOption.ValidateYear(Year));
}
