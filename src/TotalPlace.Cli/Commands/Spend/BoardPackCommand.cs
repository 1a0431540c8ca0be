using Spectre.Console;
using TotalPlace.Application.Places;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Storage;

namespace TotalPlace.Cli.Commands.Spend;

/// <summary><c>map --format pdf</c>: the one-page board pack of the place map, with the store and batches it was made from.</summary>
internal static class BoardPackCommand
{
    public static async Task<int> WriteAsync(IAnsiConsole console, IPlaceStore store, string placeCode, MapSettings settings, CancellationToken cancellationToken)
    {
        var (document, name) = await BoardPackForPlace.BuildAsync(store, MapCommand.Request(settings) with { PlaceCode = placeCode }, BoardPackForPlace.StoreName(settings.StoreOrDefault),
            DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime), cancellationToken);
        return await DocumentOutput.WriteAsync(console, document, DocumentFileFormat.Pdf, settings.Out, name, cancellationToken);
    }
}
