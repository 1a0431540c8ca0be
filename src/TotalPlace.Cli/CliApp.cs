using Spectre.Console.Cli;
using TotalPlace.Cli.Commands;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Cli;

/// <summary>The command line as one configuration: every verb, the error policy (one line on standard error and an exit
/// code, never a stack trace) and the cancellation exit code. The binary's <c>Program</c> and the tests that run the
/// verbs in-process (Spectre's <c>CommandAppTester</c>) both configure the app through <see cref="Configure"/>, so
/// a test exercises the same registration, parsing and error handling as a user's shell.</summary>
public static class CliApp
{
    /// <summary>The name in usage lines and help.</summary>
    public const string Name = "totalplace";

    /// <summary>Registers every verb and the error policy. The console (standard output) is the caller's: the binary
    /// sets <c>config.Settings.Console</c>, a test's <c>CommandAppTester</c> its own test console.</summary>
    /// <param name="config">The app's configurator.</param>
    /// <param name="streams">Standard error and input (<see cref="StandardStreams.Process"/> in the binary).</param>
    public static void Configure(IConfigurator config, StandardStreams streams)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(streams);
        config.SetApplicationName(Name);
        config.Settings.ExceptionHandler = (exception, _) => ErrorHandler.Handle(exception, streams.Error);
        config.Settings.CancellationExitCode = ExitCodes.Cancelled;
        config.Settings.Registrar.RegisterInstance(streams);
        SpendCommands.Register(config);
        CountingCommands.Register(config);
        AppraisalCommands.Register(config);
        WasteCommands.Register(config);
        PartnershipCommands.Register(config);
        ProposalCommands.Register(config);
        UsersCommands.Register(config);
        AuditCommands.Register(config);
    }

    /// <summary>Takes <c>--as NAME</c> (or <c>--as=NAME</c>) off the command line: who the audit trail names for every
    /// verb of this run; without it the OS user. Returns the arguments left for the verbs and the actor.</summary>
    public static (string[] Arguments, string Actor) TakeActor(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (rest, name) = AuditCommands.TakeActor(args);
        return (rest, name ?? OsUser());
    }

    private static string OsUser() => string.IsNullOrWhiteSpace(Environment.UserName) ? AuditActor.System : Environment.UserName;
}
