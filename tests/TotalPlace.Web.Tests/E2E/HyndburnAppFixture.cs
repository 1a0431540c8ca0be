using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.E2E;

/// <summary>The real app over an empty store: the Hyndburn place comes in through the web's place-package import.</summary>
public sealed class HyndburnAppFixture : WebAppFixture
{
    protected override Task SeedAsync() => Task.CompletedTask;
}

/// <summary>One server for the Hyndburn browser test, apart from the shared one so its place does not change other tests' figures.</summary>
[CollectionDefinition(Name)]
public sealed class HyndburnCollection : ICollectionFixture<HyndburnAppFixture>
{
    public const string Name = "hyndburn web app";
}
