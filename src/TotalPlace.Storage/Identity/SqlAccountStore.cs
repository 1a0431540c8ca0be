using System.Data.Common;
using TotalPlace.Storage.Audit;
using static TotalPlace.Storage.SqlCommands;

namespace TotalPlace.Storage.Identity;

/// <summary>The identity area: user accounts and roles (table users, migration 400), one class over the store's
/// engine object, so both engines keep them with the same SQL.</summary>
internal sealed class SqlAccountStore<TConnection>(ISqlEngine<TConnection> engine) : IAccountStore
    where TConnection : DbConnection
{
    private const string UserSelect = "SELECT display_name, password_hash, role, place_code, agency FROM users";

    /// <inheritdoc/>
    public async Task<UserAccount?> FindUserAsync(string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var rows = await QueryAsync(connection, UserSelect + " WHERE user_name = $1", ReadUser, cancellationToken, userName.Trim().ToLowerInvariant());
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<UserAccount>> ListUsersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await QueryAsync(connection, UserSelect + " ORDER BY user_name", ReadUser, cancellationToken);
    }

    /// <inheritdoc/>
    public Task SaveUserAsync(UserAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.Validate();
        var name = account.UserName.Trim();
        return engine.WriteAsync(
            async connection =>
            {
                var before = await QueryAsync(connection, UserSelect + " WHERE user_name = $1", ReadUser, cancellationToken, name.ToLowerInvariant());
                await ExecuteAsync(connection, "DELETE FROM users WHERE user_name = $1", cancellationToken, name.ToLowerInvariant());
                await SqlAuditTrail.AppendAsync(
                    connection,
                    AuditRecords.UserSaved(
                        name,
                        before.Count == 0 ? null : (before[0].Role.ToString(), before[0].PlaceCode, before[0].Agency),
                        (account.Role.ToString(), account.PlaceCode?.Trim().ToUpperInvariant(), account.Agency?.Trim())),
                    cancellationToken);
                return await ExecuteAsync(
                    connection,
                    "INSERT INTO users VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    cancellationToken,
                    name.ToLowerInvariant(),
                    name,
                    account.PasswordHash,
                    account.Role.ToString(),
                    account.PlaceCode?.Trim().ToUpperInvariant(),
                    account.Agency?.Trim(),
                    DateTime.UtcNow);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> RemoveUserAsync(string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return engine.WriteAsync(
            async connection =>
            {
                if (await ExecuteAsync(connection, "DELETE FROM users WHERE user_name = $1", cancellationToken, userName.Trim().ToLowerInvariant()) == 0)
                {
                    return false;
                }

                await SqlAuditTrail.AppendAsync(connection, AuditRecords.UserRemoved(userName), cancellationToken);
                return true;
            },
            cancellationToken);
    }

    private static UserAccount ReadUser(System.Data.Common.DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        Enum.Parse<UserRole>(r.GetString(2)),
        NullableString(r, 3),
        NullableString(r, 4));
}
