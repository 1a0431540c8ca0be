using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Commands.Spend;

namespace TotalPlace.Cli.Commands.Waste;

public sealed class WasteReviewSettings : PlaceSettings
{
    [CommandOption("--finding <KEY>")]
    [Description("The finding's key, as listed by the waste verb.")]
    public string? Finding { get; set; }

    [CommandOption("--state <STATE>")]
    [Description("confirmed, false-positive, or open.")]
    public string? State { get; set; }

    [CommandOption("--note <TEXT>")]
    [Description("Why: kept with the decision.")]
    public string? Note { get; set; }

    [CommandOption("--by <NAME>")]
    [Description("Who decided; defaults to the user name.")]
    public string? By { get; set; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Finding))
        {
            return ValidationResult.Error("--finding is required: the key of a finding listed by 'totalplace waste'.");
        }

        return ParseState(State) is null
            ? ValidationResult.Error($"--state '{State}' is not a review state; use confirmed, false-positive or open.")
            : base.Validate();
    }

    internal static Core.Waste.ReviewState? ParseState(string? state) => state?.Trim().ToUpperInvariant() switch
    {
        "CONFIRMED" => Core.Waste.ReviewState.Confirmed,
        "FALSE-POSITIVE" or "FALSEPOSITIVE" or "REJECTED" => Core.Waste.ReviewState.FalsePositive,
        "OPEN" => Core.Waste.ReviewState.Open,
        _ => null,
    };
}
