namespace TotalPlace.Web.Tests.Security;

/// <summary>The app over a store full of script payloads, for the browser's cross-site scripting checks.</summary>
[CollectionDefinition(Name)]
public sealed class HostileDataCollection : ICollectionFixture<HostileDataAppFixture>
{
    public const string Name = "hostile data";
}
