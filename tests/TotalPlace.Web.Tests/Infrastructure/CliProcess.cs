using System.Diagnostics;

namespace TotalPlace.Web.Tests.Infrastructure;

/// <summary>Runs the real `totalplace` CLI beside the web app, for flows where a user works on one store from both.</summary>
public static class CliProcess
{
    /// <summary>Runs the CLI with <paramref name="args"/> and returns its exit code and output; killed after 3 minutes.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        // The CLI's build output sits beside this project's under the artifacts folder (the project reference builds it).
        var binary = Path.GetFullPath(Path.Combine(
            AppContext.BaseDirectory.Replace("TotalPlace.Web.Tests", "TotalPlace.Cli", StringComparison.Ordinal), "totalplace.dll"));
        Assert.True(File.Exists(binary), $"The CLI was not built at {binary}.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(binary);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
