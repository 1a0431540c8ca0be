namespace TotalPlace.Storage.Audit;

/// <summary>Who is changing the store now: an ambient name that flows with the async call, set once at the edge (the
/// web app's middleware from the signed-in user, the CLI from <c>--as NAME</c> or the OS user) and read by the store
/// when it writes an audit entry, so no write method needs an extra parameter.</summary>
/// <remarks>Resolution, most specific first: the ambient name; otherwise the person an operation itself names (a batch
/// header's ImportedBy, a decision's DecidedBy); otherwise <see cref="System"/>. The audit trail never records an
/// empty or made-up name.</remarks>
public static class AuditActor
{
    /// <summary>Recorded when nobody is named: work the software did by itself (start-up, the demo build, a
    /// background job that was not given a user).</summary>
    public const string System = "system";

    private static readonly AsyncLocal<string?> s_current = new();

    /// <summary>The ambient actor, or null when none is set.</summary>
    public static string? Current => s_current.Value;

    /// <summary>Sets the ambient actor until the returned scope is disposed (the previous one is then restored).</summary>
    /// <param name="name">The user name; surrounding white space is trimmed.</param>
    /// <exception cref="ArgumentException">The name is empty: an audit entry must name someone.</exception>
    public static IDisposable Use(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var previous = s_current.Value;
        s_current.Value = name.Trim();
        return new Scope(previous);
    }

    /// <summary>The name to record: the ambient actor, else <paramref name="named"/>, else <see cref="System"/>.</summary>
    public static string Resolve(string? named = null) =>
        s_current.Value ?? (string.IsNullOrWhiteSpace(named) ? System : named.Trim());

    private sealed class Scope(string? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                s_current.Value = previous;
                _disposed = true;
            }
        }
    }
}
