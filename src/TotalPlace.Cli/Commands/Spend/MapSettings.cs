using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Counting;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Storage;

namespace TotalPlace.Cli.Commands.Spend;

public sealed class MapSettings : FormattedSettings
{
    [CommandOption("-p|--place <GSSCODE>")]
    [Description("The place's ONS GSS code, e.g. E08000003.")]
    public string? Place { get; set; }

    [CommandOption("--by <DIMENSIONS>")]
    [Description("What to group by, comma-separated: theme, agency, year, funding, source.")]
    [DefaultValue("theme")]
    public string By { get; set; } = "theme";

    [CommandOption("-y|--year <YEAR>")]
    [Description("Only this financial year, e.g. 2009-10.")]
    public string? Year { get; set; }

    [CommandOption("--agency <NAME>")]
    [Description("Only this agency.")]
    public string? Agency { get; set; }

    [CommandOption("--theme <THEME>")]
    [Description("Only this theme (its code, e.g. housing).")]
    public string? Theme { get; set; }

    [CommandOption("--funding <SOURCE>")]
    [Description("Only agencies with this funding source, e.g. LocalTaxation or NhsAllocation.")]
    public string? Funding { get; set; }

    [CommandOption("--source <SOURCE>")]
    [Description("Which money to count: combined (statements where an agency-year has them, otherwise its transactions), statements or transactions.")]
    [DefaultValue(MapSource.Combined)]
    public MapSource Source { get; set; } = MapSource.Combined;

    [CommandOption("-o|--out <PATH>")]
    [Description("With --format pdf: where to write the board pack; PLACE-YEAR-board-pack.pdf in the current folder when not given.")]
    public string? Out { get; set; }

    /// <summary>The parsed --by list, in the order given.</summary>
    public IReadOnlyList<MapDimension> Dimensions => ParseDimensions(By, out _);

    public override ValidationResult Validate()
    {
        ParseDimensions(By, out var error);
        return PlaceOption.All(
            base.Validate(),
            PlaceOption.ValidatePlace(Place),
            PlaceOption.ValidateYear(Year),
            error is null ? ValidationResult.Success() : ValidationResult.Error(error));
    }

    internal static IReadOnlyList<MapDimension> ParseDimensions(string? by, out string? error)
    {
        MapDimensions.TryParse(by ?? string.Empty, "--by", out var dimensions, out error);
        return dimensions;
    }
}
