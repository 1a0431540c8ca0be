using Spectre.Console;

namespace TotalPlace.Cli.Infrastructure;

/// <summary>Creates the process's console.</summary>
internal static class ConsoleFactory
{
    /// <summary>The width used when output goes to a file or pipe, so tables are not wrapped at 80 columns.</summary>
    public const int RedirectedWidth = 200;

    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
