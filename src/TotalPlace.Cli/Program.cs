using Spectre.Console.Cli;
using TotalPlace.Cli.Commands;
using TotalPlace.Cli.Infrastructure;

NativeHeap.KeepFreedMemoryForReuse();
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("totalplace");
    config.Settings.Console = ConsoleFactory.Create();
    config.Settings.ExceptionHandler = (exception, _) => ErrorHandler.Handle(exception, Console.Error);
    config.Settings.CancellationExitCode = ExitCodes.Cancelled;
    SpendCommands.Register(config);
    CountingCommands.Register(config);
    AppraisalCommands.Register(config);
    WasteCommands.Register(config);
    PartnershipCommands.Register(config);
    ProposalCommands.Register(config);
    UsersCommands.Register(config);
    args = AuditCommands.Register(config, args); // also takes --as NAME off the command line: who the audit trail names
});
return await app.RunAsync(args);
