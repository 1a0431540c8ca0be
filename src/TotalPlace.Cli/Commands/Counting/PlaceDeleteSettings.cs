using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Counting;

/// <summary>Settings of <c>place delete</c>.</summary>
public sealed class PlaceDeleteSettings : FormattedSettings
{
    [CommandArgument(0, "<GSSCODE>")]
    [Description("The code of the place to delete, e.g. E06000099.")]
    public string Code { get; set; } = string.Empty;

    [CommandOption("--confirm <GSSCODE>")]
    [Description("The place's code again: nothing is deleted without it. Without --confirm the verb says what would be deleted and exits 2.")]
    public string? Confirm { get; set; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Code) ? ValidationResult.Error("give the code of the place to delete, e.g. place delete E06000099 --confirm E06000099.") : base.Validate();
}
