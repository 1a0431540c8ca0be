using System.Diagnostics;

namespace TotalPlace.Cli.Tests.Infrastructure;

/// <summary>Runs the real built <c>totalplace</c> binary in a child process, as a user would.</summary>
public static class CliRunner
{
    private static readonly Lazy<string> s_binary = new(FindBinary);

    /// <summary>The totalplace.dll beside the tests (the CLI project reference puts it there).</summary>
    public static string Binary => s_binary.Value;

    public static async Task<CliResult> RunAsync(params string[] args) => await RunInAsync(null, args);

    public static async Task<CliResult> RunInAsync(string? workingDirectory, params string[] args) =>
        await RunWithAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables (e.g. TOTALPLACE_LOCK_WAIT).</summary>
    public static async Task<CliResult> RunWithAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Binary);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TOTALPLACE_STORE"] = null;
        start.Environment["TOTALPLACE_DEBUG"] = null;
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
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

        return new CliResult(process.ExitCode, await stdout, await stderr, string.Join(' ', args));
    }

    private static string FindBinary()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "totalplace.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "totalplace.runtimeconfig.json")))
        {
            return beside;
        }

        throw new InvalidOperationException(
            $"totalplace.dll (with its runtimeconfig) was not found in {AppContext.BaseDirectory}; the test project must reference src/TotalPlace.Cli.");
    }
}
