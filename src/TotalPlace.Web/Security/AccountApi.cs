using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Web.Security;

/// <summary>Bearer tokens for API clients, and who the caller is.</summary>
public static class AccountApi
{
    private static readonly UserAccount s_nobody = new("nobody", UserPasswords.Hash("nobody", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))), UserRole.Board);

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("api/account").WithTags("Account").AllowAnonymous();
        api.MapPost("/token", IssueToken)
            .WithName("IssueToken")
            .WithSummary("Sign in for a bearer token")
            .WithDescription("Accounts mode: exchanges a user name and password for a bearer token (valid one hour); send it as `Authorization: Bearer <accessToken>`. Wrong credentials get 401.");
        api.MapGet("/me", Me)
            .WithName("GetCurrentUser")
            .WithSummary("Who the caller is")
            .WithDescription("The mode, and the caller's name, role, place and agency; nulls for the public.");
        return app;
    }

    public static async Task<Results<SignInHttpResult, ProblemHttpResult>> IssueToken(
        SignInRequest request, IPlaceStore store, SecuritySettings settings, SignInLockout lockout, CancellationToken cancellationToken)
    {
        if (settings.Mode != AuthMode.Accounts)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "No accounts in Local mode",
                detail: "Local mode has no accounts: every request on this machine is the local administrator. Set Auth:Mode=Accounts to use accounts.");
        }

        if (await AuthenticateAsync(store, lockout, request.UserName, request.Password, cancellationToken) is not { } account)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "The user name or password is wrong.");
        }

        return TypedResults.SignIn(TotalPlaceClaims.For(account, BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    public static Ok<CurrentUser> Me(ClaimsPrincipal user, SecuritySettings settings) =>
        TypedResults.Ok(new CurrentUser(
            settings.Mode.ToString(),
            user.RoleOf() is null ? null : user.Identity?.Name,
            user.RoleOf()?.ToString(),
            user.FindFirst(TotalPlaceClaims.Place)?.Value,
            user.FindFirst(TotalPlaceClaims.Agency)?.Value));

    /// <summary>The account when the password is right; null otherwise (an unknown name costs a hash check too, so
    /// timing does not tell which names exist).</summary>
    internal static async Task<UserAccount?> AuthenticateAsync(
        IPlaceStore store, SignInLockout lockout, string? userName, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        var account = await store.Accounts.FindUserAsync(userName, cancellationToken);
        var ok = UserPasswords.Verify(account ?? s_nobody, password);
        // Checked after the hash, so a locked-out name costs the same time as any other.
        if (lockout.IsLockedOut(userName))
        {
            return null;
        }

        if (account is null || !ok)
        {
            lockout.RecordFailure(userName);
            return null;
        }

        lockout.RecordSuccess(userName);
        return account;
    }
}
