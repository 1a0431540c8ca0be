namespace TotalPlace.Web.Hosting;

/// <summary>The app refuses to start with the configuration given (e.g. Local mode on an address that is not
/// loopback). Program prints its message as one line on standard error and exits with code 2, never a stack trace.</summary>
public sealed class StartupRefusedException : InvalidOperationException
{
    public StartupRefusedException()
    {
    }

    public StartupRefusedException(string message)
        : base(message)
    {
    }

    public StartupRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exit code for a refused configuration: 2, as for a wrong command line.</summary>
    public const int ExitCode = 2;
}
