using TotalPlace.Cli.Tests.Infrastructure;
using TotalPlace.Storage;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Cli.Tests.Users;

/// <summary><c>users add|list|remove</c> in-process: the password read from standard input is stored only as a hash
/// that verifies it, the role rules are usage errors with one line, and nothing is saved when a rule is broken.</summary>
public sealed class UsersCommandsTests : IDisposable
{
    private const string Password = "a long enough passphrase";
    private readonly TempFolder _temp = new();

    private string Store => _temp.File("users.duckdb");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Add_PasswordFromStandardInput_IsStoredAsAHashThatVerifiesAndListedWithItsRole()
    {
        var added = (await InProcessCli.RunWithInputAsync(Password + "\n", "users", "add", "--store", Store, "--name", "ann", "--role", "administrator", "--password-stdin")).ShouldSucceed();
        var analyst = (await InProcessCli.RunWithInputAsync(Password + "\n", "users", "add", "--store", Store, "--name", "bob", "--role", "AgencyAnalyst", "--place", "e10000008", "--agency", "Devon County Council", "--password-stdin")).ShouldSucceed();
        var list = (await InProcessCli.RunAsync("users", "list", "--store", Store)).ShouldSucceed();

        Assert.Contains("Saved account ann (Administrator)", added.StdOut, StringComparison.Ordinal);
        Assert.Contains("Saved account bob (AgencyAnalyst, Devon County Council in E10000008)", analyst.StdOut, StringComparison.Ordinal);
        Assert.Contains("ann", list.StdOut, StringComparison.Ordinal);
        Assert.Contains("Devon County Council", list.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, list.StdOut, StringComparison.Ordinal);
        await using var store = await PlaceStore.OpenDuckDbAsync(Store, TestContext.Current.CancellationToken);
        var ann = await store.Accounts.FindUserAsync("ANN", TestContext.Current.CancellationToken);
        Assert.NotNull(ann);
        Assert.Equal(UserRole.Administrator, ann.Role);
        Assert.DoesNotContain(Password, ann.PasswordHash, StringComparison.Ordinal);
        Assert.True(UserPasswords.Verify(ann, Password));
        Assert.False(UserPasswords.Verify(ann, Password + "!"));
    }

    [Fact]
    public async Task Add_ShortPassword_IsAUsageErrorAndSavesNothing()
    {
        (await InProcessCli.RunWithInputAsync(Password + "\n", "users", "add", "--store", Store, "--name", "ann", "--role", "Board", "--password-stdin")).ShouldSucceed();

        var result = await InProcessCli.RunWithInputAsync("short\n", "users", "add", "--store", Store, "--name", "carol", "--role", "Board", "--password-stdin");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: the password is shorter than", line, StringComparison.Ordinal);
        Assert.Contains("nothing was saved", line, StringComparison.Ordinal);
        var list = (await InProcessCli.RunAsync("users", "list", "--store", Store)).ShouldSucceed();
        Assert.DoesNotContain("carol", list.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AgencyAnalyst", null, "An AgencyAnalyst needs --place and --agency")]
    [InlineData("Board", "E10000008", "--place and --agency are for an AgencyAnalyst only")]
    [InlineData("Emperor", null, "--role must be Administrator, AgencyAnalyst or Board")]
    public async Task Add_RoleRuleBroken_IsAUsageErrorWithOneLineAndCreatesNoStore(string role, string? place, string expected)
    {
        string[] args = ["users", "add", "--store", Store, "--name", "dan", "--role", role, "--password-stdin"];
        if (place is not null)
        {
            args = [.. args, "--place", place, "--agency", "Devon County Council"];
        }

        var result = await InProcessCli.RunWithInputAsync(Password + "\n", args);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.False(File.Exists(Store), "a refused command line opens no store");
    }

    [Fact]
    public async Task Remove_UnknownAccount_IsAUsageErrorNamingIt()
    {
        (await InProcessCli.RunWithInputAsync(Password + "\n", "users", "add", "--store", Store, "--name", "ann", "--role", "Board", "--password-stdin")).ShouldSucceed();

        var unknown = await InProcessCli.RunAsync("users", "remove", "--store", Store, "--name", "zed");
        var removed = (await InProcessCli.RunAsync("users", "remove", "--store", Store, "--name", "ann")).ShouldSucceed();

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("there is no account named 'zed'", unknown.StdErr, StringComparison.Ordinal);
        Assert.Contains("Removed account ann", removed.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("ann", (await InProcessCli.RunAsync("users", "list", "--store", Store)).ShouldSucceed().StdOut, StringComparison.Ordinal);
    }
}
