namespace TotalPlace.Cli.Infrastructure;

/// <summary>The process's standard error and input, as the verbs see them: <see cref="Console.Error"/> and
/// <see cref="Console.In"/> in the real binary, a test's own writer and reader when the verbs run in-process. Standard
/// output is the injected <c>IAnsiConsole</c>.</summary>
public sealed class StandardStreams(TextWriter error, TextReader input)
{
    /// <summary>Where warnings and the one-line error go.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>What <c>--password-stdin</c> reads.</summary>
    public TextReader Input { get; } = input;

    /// <summary>The process's own streams.</summary>
    public static StandardStreams Process() => new(Console.Error, Console.In);
}
