using Spectre.Console.Cli.Testing;
using Spectre.Console.Testing;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Storage;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Cli.Tests.Infrastructure;

/// <summary>Runs the <c>totalplace</c> verbs in this process with Spectre's <see cref="CommandAppTester"/>, configured
/// by the same <see cref="CliApp.Configure"/> as the binary: the same verbs, argument parsing, validation, error
/// handler and exit codes, with standard output on a test console (200 columns, as the binary uses when its output
/// is redirected) and standard error on a string. Use it whenever the subject is a verb's behaviour; the real binary
/// (<see cref="CliRunner"/>) is for what only a process shows (docs/testing.md, "The command line").</summary>
public static class InProcessCli
{
    /// <summary>Runs one command line, taking <c>--as NAME</c> off it as the binary does.</summary>
    public static Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>Runs one command line with <paramref name="input"/> on standard input (<c>--password-stdin</c>).</summary>
    public static async Task<CliResult> RunWithInputAsync(string input, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (arguments, actor) = CliApp.TakeActor(args);
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var console = new TestConsole().Width(ConsoleFactory.RedirectedWidth).SupportsUnicode(true);
        var tester = new CommandAppTester(settings: new CommandAppTesterSettings { TrimConsoleOutput = false }, console: console);
        tester.Configure(config => CliApp.Configure(config, new StandardStreams(error, reader)));
        CommandAppResult result;

        // A verb sets process-wide store settings as the binary's one run would (an import bounds DuckDB's memory, every
        // verb sets how a wait for the store's lock is told); put them back, so one test's run does not set them for
        // the stores the next test opens.
        var (memoryLimit, waiting, lockWait) = (PlaceStore.DuckDbMemoryLimit, PlaceStore.Waiting, PlaceStore.LockWait);
        try
        {
            using (AuditActor.Use(actor))
            {
                result = await tester.RunAsync(arguments, TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            (PlaceStore.DuckDbMemoryLimit, PlaceStore.Waiting, PlaceStore.LockWait) = (memoryLimit, waiting, lockWait);
        }

        return new CliResult(result.ExitCode, result.Output, error.ToString(), string.Join(' ', args));
    }
}
