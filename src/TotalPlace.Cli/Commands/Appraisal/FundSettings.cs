using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TotalPlace.Cli.Commands.Appraisal;

/// <summary>Options of <c>totalplace fund</c>.</summary>
public sealed class FundSettings : CommandSettings
{
    [CommandArgument(0, "<PROPOSALS>")]
    [Description("Proposal JSON files competing for the fund.")]
    public string[] Proposals { get; set; } = [];

    [CommandOption("--budget <POUNDS>")]
    [Description("The most the chosen proposals may cost in any one year (price-base pounds, undiscounted).")]
    public decimal? Budget { get; set; }

    [CommandOption("--budget-in <YEAR=POUNDS>")]
    [Description("A budget for one financial year, e.g. 2016-17=250000, overriding --budget; repeat for each year.")]
    public string[] YearBudgets { get; set; } = [];

    [CommandOption("--limit <AGENCY=POUNDS>")]
    [Description("The most one partner may contribute in total; repeat for each partner.")]
    public string[] Limits { get; set; } = [];

    [CommandOption("--objective <OBJECTIVE>")]
    [Description("What to maximise: fiscal or public-value NPV.")]
    [DefaultValue("fiscal")]
    public string Objective { get; set; } = "fiscal";

    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: table or json.")]
    [DefaultValue("table")]
    public string Format { get; set; } = "table";

    public override ValidationResult Validate()
    {
        if (Proposals.Length == 0)
        {
            return ValidationResult.Error("give at least one proposal file");
        }

        if (Budget is null && Limits.Length == 0 && YearBudgets.Length == 0)
        {
            return ValidationResult.Error("give --budget, --budget-in YEAR=POUNDS and/or --limit AGENCY=POUNDS");
        }

        if (Budget is < 0m)
        {
            return ValidationResult.Error("--budget must not be negative");
        }

        return Objective is "fiscal" or "public-value"
            ? ValidationResult.Success()
            : ValidationResult.Error("--objective must be fiscal or public-value");
    }
}
