using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Spending;

namespace TotalPlace.Cli.Commands.Spend;

public sealed class RulesAddSettings : PlaceSettings
{
    [CommandOption("--field <FIELD>")]
    [Description("The field the rule reads: service-code, expense-area, expense-type, description or supplier.")]
    public string? Field { get; set; }

    [CommandOption("--match <HOW>")]
    [Description("How the pattern is compared: exact, prefix, contains or regex (always ignoring case).")]
    [DefaultValue("contains")]
    public string Match { get; set; } = "contains";

    [CommandOption("--pattern <TEXT>")]
    [Description("The text (or regular expression) to look for.")]
    public string? Pattern { get; set; }

    [CommandOption("--theme <THEME>")]
    [Description("The theme code lines that match are classified to, e.g. housing.")]
    public string? Theme { get; set; }

    [CommandOption("--priority <N>")]
    [Description("Higher wins when several rules match; shipped rules use 10 to 25.")]
    [DefaultValue(ClassificationRule.UserPriority)]
    public int Priority { get; set; } = ClassificationRule.UserPriority;

    [CommandOption("--note <TEXT>")]
    [Description("Why the rule exists, for people reading the rules.")]
    public string? Note { get; set; }

    public override ValidationResult Validate() => PlaceOption.All(
        base.Validate(),
        RuleNames.TryParse<ClassificationField>(Field, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--field '{Field}' is not a field; use one of {RuleNames.Choices<ClassificationField>()}."),
        RuleNames.TryParse<ClassificationMatch>(Match, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--match '{Match}' is not a way to match; use one of {RuleNames.Choices<ClassificationMatch>()}."),
        string.IsNullOrWhiteSpace(Pattern) ? ValidationResult.Error("--pattern is required and may not be empty.") : ValidationResult.Success(),
        string.IsNullOrWhiteSpace(Theme) ? ValidationResult.Error("--theme is required: a theme code such as housing (see `totalplace themes`).") : ValidationResult.Success());

    public ClassificationRule ToRule()
    {
        RuleNames.TryParse<ClassificationField>(Field, out var field);
        RuleNames.TryParse<ClassificationMatch>(Match, out var match);
        return new ClassificationRule(field, match, Pattern!.Trim(), Theme!.Trim(), Priority, Note?.Trim() ?? string.Empty);
    }
}
