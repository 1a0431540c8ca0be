using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Reads an offer file from disk and parses it with the core; the core itself never touches the disk.</summary>
internal static class OfferLoader
{
    public static async Task<OfferParseResult> ParseAsync(string path, CancellationToken cancellationToken) =>
        OfferFile.Parse(await ReadTextAsync(path, cancellationToken));

    /// <summary>The offer file's text; a missing file stops the command (usage error).</summary>
    public static async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"offer file not found: {path}", ExitCodes.Usage);
        }

        return await File.ReadAllTextAsync(path, cancellationToken);
    }

    /// <summary>Loads an offer that must be readable; problems that leave no offer stop the command with the first
    /// of them (run <c>offer validate</c> for the full list).</summary>
    public static async Task<Offer> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var result = await ParseAsync(path, cancellationToken);
        if (result.Offer is null)
        {
            var first = result.Issues.Count > 0 ? result.Issues[0].ToString() : "the file holds no offer";
            throw new CliException(
                $"{path}: {first}{(result.Issues.Count > 1 ? $" (and {result.Issues.Count - 1} more; run `totalplace offer validate {path}`)" : "")}",
                ExitCodes.Rejected);
        }

        return result.Offer;
    }
}
