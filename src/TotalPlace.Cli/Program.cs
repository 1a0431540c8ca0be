using Spectre.Console.Cli;
using TotalPlace.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Storage.Audit;

// --as NAME is taken off the command line first: who the audit trail names for the whole run.
var (arguments, actor) = CliApp.TakeActor(args);
using var asActor = AuditActor.Use(actor);
var app = new CommandApp();
app.Configure(config =>
{
    config.Settings.Console = ConsoleFactory.Create();
    CliApp.Configure(config, StandardStreams.Process());
});
return await app.RunAsync(arguments);
