using System.Collections.Concurrent;

namespace TotalPlace.Web.Security;

/// <summary>Locks a user name out of signing in for <see cref="LockoutPeriod"/> after <see cref="MaxFailures"/>
/// wrong passwords in a row, so a password cannot be guessed by trying many; the per-address rate limit on the
/// sign-in endpoints slows guessing across many names.</summary>
/// <remarks>Counts are kept in memory (a restart forgets them) and by name whether or not the account exists, so the
/// lockout does not tell which names exist. A locked-out person waits, or an administrator resets the password.</remarks>
public sealed class SignInLockout(TimeProvider clock)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Last)> _failures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the name is locked out now.</summary>
    public bool IsLockedOut(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return _failures.TryGetValue(userName.Trim(), out var state)
            && state.Failures >= MaxFailures
            && clock.GetUtcNow() - state.Last < LockoutPeriod;
    }

    public void RecordFailure(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(
            userName.Trim(),
            (1, now),
            (_, state) => now - state.Last >= LockoutPeriod ? (1, now) : (state.Failures + 1, now));
    }

    public void RecordSuccess(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        _failures.TryRemove(userName.Trim(), out _);
    }
}
