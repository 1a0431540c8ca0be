namespace TotalPlace.Web.Tests.Infrastructure;

/// <summary>One server and one browser for every web test; the tests in it run one after another because some
/// commit files and others compare totals.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web app";
}
