using Spectre.Console.Cli;

namespace TotalPlace.Cli.Commands;

/// <summary>Registers the spend verbs; each area owns its own registration file.</summary>
internal static class SpendCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
    }
}
