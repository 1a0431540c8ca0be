using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace TotalPlace.Web.Security;

/// <summary>Keeps sign-in sessions on the server; the cookie carries only a random key. Signing out removes the
/// session, so a copy of the cookie taken earlier stops working (a self-contained cookie would stay valid until it
/// expired).</summary>
/// <remarks>Sessions live in memory: a restart signs everyone out, which fails safe. A server farm would need a
/// shared store (e.g. the database); this app runs as one process per store.</remarks>
internal sealed class MemoryTicketStore(TimeProvider clock) : ITicketStore
{
    private readonly ConcurrentDictionary<string, AuthenticationTicket> _tickets = new(StringComparer.Ordinal);

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        RemoveExpired();
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _tickets[key] = ticket;
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        _tickets[key] = ticket;
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        Task.FromResult(_tickets.TryGetValue(key, out var ticket) && !Expired(ticket) ? ticket : null);

    public Task RemoveAsync(string key)
    {
        _tickets.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private bool Expired(AuthenticationTicket ticket) => ticket.Properties.ExpiresUtc is { } expires && expires < clock.GetUtcNow();

    private void RemoveExpired()
    {
        foreach (var (key, ticket) in _tickets)
        {
            if (Expired(ticket))
            {
                _tickets.TryRemove(key, out _);
            }
        }
    }
}

/// <summary>Gives the cookie scheme its server-side session store once the services exist.</summary>
internal sealed class CookieSessionStoreSetup(TimeProvider clock) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    private readonly MemoryTicketStore _store = new(clock);

    public void PostConfigure(string? name, CookieAuthenticationOptions options) => options.SessionStore ??= _store;
}
