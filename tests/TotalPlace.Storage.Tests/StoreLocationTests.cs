namespace TotalPlace.Storage.Tests;

/// <summary>One parse of a store location for every host: the CLI and the web app open the same engine for the same
/// text.</summary>
public sealed class StoreLocationTests
{
    [Theory]
    [InlineData("place.duckdb")]
    [InlineData("data/place.duckdb")]
    [InlineData("/tmp/a;b.duckdb")]
    [InlineData("name=value.duckdb")]
    public void Parse_FilePath_IsADuckDbFileMadeAbsolute(string text)
    {
        var location = StoreLocation.Parse(text, "/srv/totalplace");

        Assert.Equal(StoreEngineKind.DuckDb, location.Engine);
        Assert.Equal(Path.GetFullPath(text, "/srv/totalplace"), location.Target);
        Assert.False(location.IsServer);
    }

    [Theory]
    [Trait("Issue", "10")]
    [InlineData("Host=db;Database=tp")]
    [InlineData("Database=tp;Host=db")]
    [InlineData("Database=tp; Server=db; Username=u")]
    [InlineData("  host=db  ")]
    public void Parse_KeywordStringNamingAHostInAnyPosition_IsPostgres(string text)
    {
        var location = StoreLocation.Parse(text);

        Assert.Equal(StoreEngineKind.Postgres, location.Engine);
        Assert.Equal(text.Trim(), location.Target);
        Assert.True(StoreLocation.NamesServer(text));
        Assert.True(PlaceStore.IsPostgres(text));
    }

    [Fact]
    public void Parse_PostgresUri_BecomesAKeywordConnectionString()
    {
        var location = StoreLocation.Parse("postgres://alice:s%40cret@db.example:6432/place");

        Assert.True(location.IsServer);
        var keywords = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = location.Target };
        Assert.Equal("db.example", keywords["Host"]);
        Assert.Equal("6432", keywords["Port"].ToString());
        Assert.Equal("place", keywords["Database"]);
        Assert.Equal("alice", keywords["Username"]);
        Assert.Equal("s@cret", keywords["Password"]);
    }

    [Fact]
    public void Describe_Server_NamesHostPortDatabaseAndUserButNeverThePassword()
    {
        var described = StoreLocation.Parse("Database=tp;Password=hunter2;Host=db;Username=alice").Describe();

        Assert.Equal("PostgreSQL db:5432/tp as alice", described);
        Assert.DoesNotContain("hunter2", described, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_File_NamesTheFullPath()
    {
        Assert.Equal("DuckDB file " + Path.GetFullPath("x.duckdb", "/srv"), StoreLocation.Parse("x.duckdb", "/srv").Describe());
    }

    [Theory]
    [InlineData("postgres://")]
    [InlineData("postgresql:// bad uri")]
    public void Parse_BrokenUri_IsAnArgumentErrorThatHidesNoServerAsAFile(string text)
    {
        Assert.True(StoreLocation.NamesServer(text));
        var error = Assert.Throws<ArgumentException>(() => StoreLocation.Parse(text));
        Assert.Contains("not a valid postgres:// URI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Blank_IsRefused()
    {
        Assert.ThrowsAny<ArgumentException>(() => StoreLocation.Parse("  "));
    }
}
