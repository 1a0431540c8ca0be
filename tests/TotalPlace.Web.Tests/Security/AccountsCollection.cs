namespace TotalPlace.Web.Tests.Security;

/// <summary>One Accounts-mode server for the role tests; they run one after another because some publish or delete.</summary>
[CollectionDefinition(Name)]
public sealed class AccountsCollection : ICollectionFixture<AccountsAppFixture>
{
    public const string Name = "accounts app";
}
