using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Spend;

/// <summary>Adds a classification rule; stored lines keep their themes until `reclassify`.</summary>
public sealed class RulesAddCommand(IAnsiConsole console) : AsyncCommand<RulesAddSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RulesAddSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: true, cancellationToken);
        var rule = settings.ToRule();
        var themes = await store.Places.ListThemesAsync(cancellationToken);
        if (!themes.Any(t => string.Equals(t.Code, rule.Theme, StringComparison.OrdinalIgnoreCase)))
        {
            throw new CliException($"--theme '{rule.Theme}' is not a theme; use one of {string.Join(", ", themes.Select(t => t.Code))}.", ExitCodes.Usage);
        }

        await store.Places.AddRuleAsync(settings.PlaceCode, rule, cancellationToken);
        console.WriteLine($"Added rule: {RuleNames.Kebab(rule.Field.ToString())} {RuleNames.Kebab(rule.Match.ToString())} \"{rule.Pattern}\" -> {rule.Theme} (priority {rule.Priority}). Run `totalplace reclassify --place {settings.PlaceCode}` to apply it to stored lines.");
        return ExitCodes.Success;
    }
}
