using Spectre.Console.Cli;

namespace TotalPlace.Cli.Commands;

/// <summary>Registers the waste verbs; each area owns its own registration file.</summary>
internal static class WasteCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
    }
}
