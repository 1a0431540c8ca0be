using Spectre.Console.Cli;

namespace TotalPlace.Cli.Commands;

/// <summary>Registers the partnership verbs; each area owns its own registration file.</summary>
internal static class PartnershipCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
    }
}
