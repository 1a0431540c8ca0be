using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Spend;

/// <summary>Lists the themes spend is classified to.</summary>
public sealed class ThemesCommand(IAnsiConsole console) : AsyncCommand<FormattedSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, FormattedSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenReadOnlyAsync(settings.StoreOrDefault, cancellationToken);
        var themes = await store.Places.ListThemesAsync(cancellationToken);
        Column[] columns = [new("Code", "code"), new("Name", "name")];
        ResultWriter.Write(console, settings.Format, TabularResult.Create("Themes", columns, themes.Select(t => new object?[] { t.Code, t.Name })));
        return ExitCodes.Success;
    }
}
