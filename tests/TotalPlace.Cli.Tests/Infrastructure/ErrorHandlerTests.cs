using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Tests.Infrastructure;

public sealed class ErrorHandlerTests
{
    [Fact]
    public void Handle_MultiLineMessage_WritesOneLine()
    {
        using var error = new StringWriter();

        var code = ErrorHandler.Handle(new InvalidOperationException("first line\n  at some detail\nmore"), error);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("error: first line" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void Describe_CliException_KeepsItsExitCode()
    {
        var (message, code) = ErrorHandler.Describe(new CliException("store is locked", ExitCodes.Store));

        Assert.Equal("store is locked", message);
        Assert.Equal(ExitCodes.Store, code);
    }

    [Fact]
    public void Describe_MapRequestRefused_IsItsOneLineWithoutTheTypeName()
    {
        var (message, code) = ErrorHandler.Describe(new TotalPlace.Application.Counting.MapRequestRefusedException(
            "There is no place E06000099 in the store.", TotalPlace.Application.Counting.MapRefusal.NotFound));

        Assert.Equal("There is no place E06000099 in the store.", message);
        Assert.Equal(ExitCodes.Failure, code);
    }

    [Fact]
    public void Describe_AggregateOfOne_Unwraps()
    {
        var (message, code) = ErrorHandler.Describe(new AggregateException(new CliException("bad file", ExitCodes.Rejected)));

        Assert.Equal("bad file", message);
        Assert.Equal(ExitCodes.Rejected, code);
    }

    [Fact]
    public void Describe_UnexpectedException_NamesTypeWithoutStackTrace()
    {
        var (message, _) = ErrorHandler.Describe(new NotSupportedException("nope"));

        Assert.StartsWith("NotSupportedException: nope", message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
    }
}
