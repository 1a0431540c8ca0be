using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Spend;

/// <summary>Lists a place's classification rules in the order they are tried.</summary>
public sealed class RulesListCommand(IAnsiConsole console) : AsyncCommand<PlaceSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PlaceSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenReadOnlyAsync(settings.StoreOrDefault, cancellationToken);
        var rules = await store.Places.ListRulesAsync(settings.PlaceCode, cancellationToken);
        Column[] columns =
        [
            new("#", "position", ColumnKind.Count),
            new("Field", "field"),
            new("Match", "match"),
            new("Pattern", "pattern"),
            new("Theme", "theme"),
            new("Priority", "priority", ColumnKind.Count),
            new("Note", "note"),
        ];
        var rows = rules.Select((r, i) => new object?[]
        {
            i + 1, RuleNames.Kebab(r.Field.ToString()), RuleNames.Kebab(r.Match.ToString()), r.Pattern, r.Theme, r.Priority, r.Note,
        });
        ResultWriter.Write(console, settings.Format, TabularResult.Create($"Classification rules for {settings.PlaceCode}", columns, rows));
        return ExitCodes.Success;
    }
}
