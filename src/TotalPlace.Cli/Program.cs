using Spectre.Console.Cli;
using TotalPlace.Cli.Commands;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("totalplace");
    SpendCommands.Register(config);
    AppraisalCommands.Register(config);
    WasteCommands.Register(config);
    PartnershipCommands.Register(config);
});
return await app.RunAsync(args);
