using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Commands.Spend;

namespace TotalPlace.Cli.Commands.Waste;

public sealed class AssetsImportSettings : PlaceSettings
{
    [CommandOption("-a|--agency <NAME>")]
    [Description("The partner whose asset register this is; its previous register in the place is replaced.")]
    public string? Agency { get; set; }

    [CommandArgument(0, "<PATH>")]
    [Description("The register: CSV, .xlsx or .xls in the Local Government Transparency Code land-and-building layout.")]
    public string Path { get; set; } = string.Empty;

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Agency))
        {
            return ValidationResult.Error("--agency is required: the partner that owns the assets.");
        }

        return File.Exists(Path) ? base.Validate() : ValidationResult.Error($"The asset register '{Path}' does not exist.");
    }
}
