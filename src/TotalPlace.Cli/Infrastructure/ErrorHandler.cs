using System.Data.Common;
using Spectre.Console.Cli;
using TotalPlace.Application.Counting;
using TotalPlace.Import;
using TotalPlace.Storage;

namespace TotalPlace.Cli.Infrastructure;

/// <summary>Turns any exception into one clear line on standard error and an exit code; never a stack trace.</summary>
internal static class ErrorHandler
{
    /// <summary>Set TOTALPLACE_DEBUG=1 to see the full exception when reporting a bug.</summary>
    public const string DebugVariable = "TOTALPLACE_DEBUG";

    public static int Handle(Exception exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        var (message, code) = Describe(exception);
        error.WriteLine($"error: {message}");
        if (Environment.GetEnvironmentVariable(DebugVariable) is "1" or "true")
        {
            error.WriteLine(exception.ToString());
        }

        return code;
    }

    public static (string Message, int ExitCode) Describe(Exception exception)
    {
        var inner = Unwrap(exception);
        if (DiskFull.Caused(exception) || AbortedOnAFullDisk(inner))
        {
            return (DiskFull.MessageFor(StoreConnector.Opened), ExitCodes.Store);
        }

        return inner switch
        {
            CliException cli => (cli.Message, cli.ExitCode),
            MapRequestRefusedException refused => (OneLine(refused.Message), ExitCodes.Failure),
            ImportRejectedException rejected => (OneLine(rejected.Message), ExitCodes.Rejected),
            PlaceStoreException store => (OneLine(store.Message), ExitCodes.Rejected),
            StoreBusyException busy => (OneLine(busy.Message), ExitCodes.Busy),
            CommandParseException or CommandRuntimeException => (OneLine(inner.Message), ExitCodes.Usage),
            OperationCanceledException => ("cancelled", ExitCodes.Cancelled),
            FileNotFoundException notFound => ($"file not found: {notFound.FileName ?? OneLine(notFound.Message)}", ExitCodes.Usage),
            DirectoryNotFoundException => (OneLine(inner.Message), ExitCodes.Usage),
            UnauthorizedAccessException => ($"permission denied: {OneLine(inner.Message)}", ExitCodes.Failure),
            DbException db => ($"store error: {OneLine(db.Message)}", ExitCodes.Store),
            IOException io => ($"I/O error: {OneLine(io.Message)}", ExitCodes.Failure),
            ArgumentException or FormatException or InvalidOperationException => (OneLine(inner.Message), ExitCodes.Failure),
            _ => ($"{inner.GetType().Name}: {OneLine(inner.Message)} (set {DebugVariable}=1 for details)", ExitCodes.Failure),
        };
    }

    /// <summary>DuckDB reports a write that failed for want of space only as the follow-on "Current transaction is
    /// aborted" when it happens inside a bulk load (the ENOSPC is not in the exception); such an abort on a DuckDB
    /// store whose filesystem has (almost) no space left is the full disk.</summary>
    private static bool AbortedOnAFullDisk(Exception inner)
    {
        if (inner is not DbException db || !db.Message.Contains("Current transaction is aborted", StringComparison.OrdinalIgnoreCase)
            || StoreConnector.Opened is not { } store || !Path.IsPathFullyQualified(store))
        {
            return false;
        }

        try
        {
            return new DriveInfo(Path.GetDirectoryName(store)!).AvailableFreeSpace < DiskFull.NearlyFullBytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    private static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } or System.Reflection.TargetInvocationException && exception.InnerException is not null)
        {
            exception = exception.InnerException!;
        }

        return exception;
    }

    /// <summary>Keeps the first line: drivers (DuckDB, Npgsql) put context on later lines that scripts don't want.</summary>
    public static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "unknown error" : line;
    }
}
