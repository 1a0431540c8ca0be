using System.Diagnostics.CodeAnalysis;

namespace TotalPlace.Import;

/// <summary>The outcome of parsing one value: the value, or a message that states the rule the text broke.</summary>
/// <remarks>Modelled on NodaTime's <c>ParseResult&lt;T&gt;</c>: failures are data, not exceptions, so a reader can
/// collect every problem in a file before deciding anything. The default value is a failure with an empty message.</remarks>
public readonly record struct ParseResult<T>
{
    private readonly T _value;

    private ParseResult(bool success, T value, string error)
    {
        Success = success;
        _value = value;
        Error = error;
    }

    /// <summary>True when the text was parsed.</summary>
    public bool Success { get; }

    /// <summary>Why parsing failed; empty on success.</summary>
    public string Error { get; }

    /// <summary>The parsed value; throws <see cref="InvalidOperationException"/> (with the parse message) on failure.</summary>
    public T Value => Success ? _value : throw new InvalidOperationException(Error);

    public static ParseResult<T> ForValue(T value) => new(true, value, string.Empty);

    public static ParseResult<T> ForError(string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new(false, default!, error);
    }

    /// <summary>Gets the value when parsing succeeded.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Success;
    }

    /// <summary>Maps a successful value; a failure passes through unchanged.</summary>
    public ParseResult<TResult> Convert<TResult>(Func<T, TResult> projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return Success ? ParseResult<TResult>.ForValue(projection(_value)) : ParseResult<TResult>.ForError(Error);
    }
}
