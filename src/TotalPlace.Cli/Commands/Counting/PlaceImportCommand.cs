using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Places;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Counting;

/// <summary><c>place import DIR</c>: imports a whole place package in one atomic step; re-running adds nothing.</summary>
public sealed class PlaceImportCommand(IAnsiConsole console) : AsyncCommand<PlaceImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PlaceImportSettings settings, CancellationToken cancellationToken)
    {
        StoreConnector.BoundMemoryForBulkLoad();
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: false, cancellationToken);
        var plan = await new ImportPlacePackage(TimeProvider.System).PlanAsync(settings.Directory, store, Environment.UserName, cancellationToken);
        if (!plan.CanImport)
        {
            PlaceCheckCommand.Render(console, settings.Format, plan, null);
            throw new CliException($"{settings.Directory}: the package has errors and nothing was imported.", ExitCodes.Rejected);
        }

        var result = await ImportPlacePackage.CommitAsync(plan, store, cancellationToken);
        PlaceCheckCommand.Render(console, settings.Format, plan, result);
        return ExitCodes.Success;
    }
}
