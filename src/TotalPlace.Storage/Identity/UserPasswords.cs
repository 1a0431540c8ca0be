using Microsoft.AspNetCore.Identity;

namespace TotalPlace.Storage.Identity;

/// <summary>Password hashing with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a random
/// salt, in a versioned format), so no cryptography is written here.</summary>
public static class UserPasswords
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumLength = 12;

    private static readonly PasswordHasher<string> s_hasher = new();

    /// <summary>Hashes a new password.</summary>
    /// <exception cref="ArgumentException">The password is shorter than <see cref="MinimumLength"/>.</exception>
    public static string Hash(string userName, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinimumLength)
        {
            throw new ArgumentException($"A password is at least {MinimumLength} characters.", nameof(password));
        }

        return s_hasher.HashPassword(Key(userName), password);
    }

    /// <summary>Whether <paramref name="password"/> is the account's.</summary>
    public static bool Verify(UserAccount account, string password)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(password);
        return s_hasher.VerifyHashedPassword(Key(account.UserName), account.PasswordHash, password) != PasswordVerificationResult.Failed;
    }

    private static string Key(string userName) => userName.Trim().ToLowerInvariant();
}
