using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Import.Assets;

namespace TotalPlace.Cli.Commands.Waste;

/// <summary>Imports a partner's land-and-building register, whole or not at all.</summary>
public sealed class AssetsImportCommand(IAnsiConsole console) : AsyncCommand<AssetsImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AssetsImportSettings settings, CancellationToken cancellationToken)
    {
        var agency = settings.Agency!.Trim();
        var result = await AssetRegisterReader.ReadAsync(settings.Path, agency, cancellationToken);
        if (!result.IsValid)
        {
            foreach (var error in result.Errors.Take(20))
            {
                console.MarkupLineInterpolated($"[red]{error.ToString()}[/]");
            }

            throw new CliException($"{System.IO.Path.GetFileName(settings.Path)}: {result.Errors.Count} problem(s); nothing was imported.");
        }

        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: false, cancellationToken);
        var count = await store.Waste.ReplaceAssetsAsync(settings.PlaceCode, agency, result.Assets, cancellationToken);
        console.MarkupLineInterpolated($"Imported {count} assets of {agency} into {settings.PlaceCode}.");
        return ExitCodes.Success;
    }
}
