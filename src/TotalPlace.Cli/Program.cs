using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config => config.SetApplicationName("totalplace"));
return await app.RunAsync(args);
