using TotalPlace.Storage;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Web.Security;

/// <summary>In Accounts mode, creates the first administrator from <c>Auth:BootstrapAdmin:Name</c> and
/// <c>Auth:BootstrapAdmin:Password</c> when the store has no account yet; otherwise says how to make one.</summary>
internal sealed partial class BootstrapAdministrator(IServiceProvider services, SecuritySettings settings, ILogger<BootstrapAdministrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Mode != AuthMode.Accounts)
        {
            return;
        }

        var accounts = services.GetRequiredService<IPlaceStore>().Accounts;
        if ((await accounts.ListUsersAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.BootstrapAdminName) || string.IsNullOrEmpty(settings.BootstrapAdminPassword))
        {
            LogNoAccounts(logger);
            return;
        }

        var name = settings.BootstrapAdminName.Trim();
        await accounts.SaveUserAsync(new UserAccount(name, UserPasswords.Hash(name, settings.BootstrapAdminPassword), UserRole.Administrator), cancellationToken);
        LogCreated(logger, name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accounts mode with no accounts: nobody can sign in. Add an administrator with `totalplace users add --store … --name … --role Administrator`, or set Auth:BootstrapAdmin:Name and Auth:BootstrapAdmin:Password.")]
    private static partial void LogNoAccounts(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator, {Name}, from Auth:BootstrapAdmin.")]
    private static partial void LogCreated(ILogger logger, string name);
}
