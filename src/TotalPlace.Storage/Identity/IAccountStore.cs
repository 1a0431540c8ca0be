namespace TotalPlace.Storage.Identity;

/// <summary>The accounts kept in a store (table <c>users</c>, migration 400), so a partnership server keeps its
/// people in the same database as its data. Both engines implement it; reach it with <see cref="IPlaceStore.Accounts"/>.</summary>
public interface IAccountStore
{
    /// <summary>The account with this name (compared case-insensitively), or null.</summary>
    Task<UserAccount?> FindUserAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>Every account, by name.</summary>
    Task<IReadOnlyList<UserAccount>> ListUsersAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds an account, or replaces the one with the same name (role, place, agency and password).</summary>
    /// <exception cref="ArgumentException">The account breaks a rule of <see cref="UserAccount.Validate"/>.</exception>
    Task SaveUserAsync(UserAccount account, CancellationToken cancellationToken = default);

    /// <summary>Removes an account; false when there was none with this name.</summary>
    Task<bool> RemoveUserAsync(string userName, CancellationToken cancellationToken = default);
}
