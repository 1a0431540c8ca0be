using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Spend;

public sealed class TransactionsSettings : FormattedSettings
{
    [CommandOption("-p|--place <GSSCODE>")]
    [Description("The place's ONS GSS code.")]
    public string? Place { get; set; }

    [CommandOption("--agency <NAME>")]
    [Description("Only this agency.")]
    public string? Agency { get; set; }

    [CommandOption("--theme <THEME>")]
    [Description("Only this theme (its code, e.g. housing or unclassified).")]
    public string? Theme { get; set; }

    [CommandOption("-y|--year <YEAR>")]
    [Description("Only this financial year, e.g. 2009-10.")]
    public string? Year { get; set; }

    [CommandOption("-q|--search <TEXT>")]
    [Description("Only lines whose supplier, reference, expense type or area contains this text.")]
    public string? Search { get; set; }

    [CommandOption("--sort <FIELD>")]
    [Description("Sort by date, amount or supplier.")]
    [DefaultValue("date")]
    public string Sort { get; set; } = "date";

    [CommandOption("--ascending")]
    [Description("Sort smallest or oldest first (default: largest or newest first).")]
    public bool Ascending { get; set; }

    [CommandOption("--page <N>")]
    [Description("The page to show, from 1.")]
    [DefaultValue(1)]
    public int Page { get; set; } = 1;

    [CommandOption("--page-size <N>")]
    [Description("Lines per page, 1 to 10000.")]
    [DefaultValue(50)]
    public int PageSize { get; set; } = 50;

    internal static readonly string[] SortFields = ["date", "amount", "supplier"];

    public override ValidationResult Validate() => PlaceOption.All(
        base.Validate(),
        PlaceOption.ValidatePlace(Place),
        PlaceOption.ValidateYear(Year),
        SortFields.Contains(Sort, StringComparer.OrdinalIgnoreCase)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--sort '{Sort}' is not a sort field; use date, amount or supplier."),
        Page >= 1 ? ValidationResult.Success() : ValidationResult.Error($"--page must be 1 or more; it was {Page}."),
        PageSize is >= 1 and <= 10_000 ? ValidationResult.Success() : ValidationResult.Error($"--page-size must be between 1 and 10000; it was {PageSize}."));
}
