using Spectre.Console.Cli;

namespace TotalPlace.Cli.Commands;

/// <summary>Registers the appraisal verbs; each area owns its own registration file.</summary>
internal static class AppraisalCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
    }
}
