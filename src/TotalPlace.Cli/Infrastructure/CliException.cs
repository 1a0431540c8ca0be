namespace TotalPlace.Cli.Infrastructure;

/// <summary>A failure the user can act on; its message is printed as the one-line error, with no stack trace.</summary>
public sealed class CliException : Exception
{
    public CliException()
        : this("the command failed")
    {
    }

    public CliException(string message)
        : this(message, ExitCodes.Failure)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Failure;
    }

    public CliException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code to return.</summary>
    public int ExitCode { get; }
}
