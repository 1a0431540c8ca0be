using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Counting;

/// <summary>Settings of <c>place import</c> and <c>place check</c>.</summary>
public sealed class PlaceImportSettings : FormattedSettings
{
    [CommandArgument(0, "<DIR>")]
    [Description("The place package folder (holding place.json).")]
    public string Directory { get; set; } = string.Empty;

    public override ValidationResult Validate() =>
        System.IO.Directory.Exists(Directory) ? base.Validate() : ValidationResult.Error($"{Directory}: no such folder.");
}
