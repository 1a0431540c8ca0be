namespace TotalPlace.Cli.Tests.Infrastructure;

/// <summary>What a run of the CLI gave back.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr, string CommandLine)
{
    /// <summary>Fails the test with the command's output when it did not exit 0.</summary>
    public CliResult ShouldSucceed()
    {
        Assert.True(ExitCode == 0, $"`totalplace {CommandLine}` exited {ExitCode}.\nstdout:\n{StdOut}\nstderr:\n{StdErr}");
        return this;
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StdOut}\nstderr:\n{StdErr}";
}
