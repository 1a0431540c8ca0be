using System.Text.Json;
using TotalPlace.Cli.Commands;
using TotalPlace.Cli.Tests.Infrastructure;

namespace TotalPlace.Cli.Tests.Audit;

/// <summary>The audit verb and <c>--as</c>, run in-process (<see cref="EndToEnd.ProcessBoundaryTests"/> checks <c>--as</c> on the binary).</summary>
public sealed class AuditEndToEndTests : IDisposable
{
    private const string Devon = "E10000008";
    private const string Council = "Devon County Council";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Audit_AfterImportRuleAndReclassify_ListsEachChangeOnceWithWhoDidIt()
    {
        var store = _temp.File("audit.duckdb");
        (await InProcessCli.RunAsync("import", "--store", store, "--place", Devon, "--agency", Council, "--as", "alice", SampleFiles.Devon202504)).ShouldSucceed();
        (await InProcessCli.RunAsync("import", "--store", store, "--place", Devon, "--agency", Council, "--as=alice", SampleFiles.Devon202504)).ShouldSucceed();
        (await InProcessCli.RunAsync("rules", "add", "--as", "bob", "--store", store, "--place", Devon, "--field", "expense-type", "--match", "contains", "--pattern", "Agency Supply Staff", "--theme", "housing")).ShouldSucceed();
        (await InProcessCli.RunAsync("reclassify", "--store", store, "--place", Devon, "--as", "carol")).ShouldSucceed();

        var json = (await InProcessCli.RunAsync("audit", "--store", store, "--all", "--format", "json")).ShouldSucceed();

        var entries = JsonDocument.Parse(json.StdOut).RootElement.EnumerateArray().ToList();
        Assert.Equal(
            [("carol", "place.reclassified"), ("bob", "rule.added"), ("alice", "batch.imported"), ("alice", "place.created")],
            entries.Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString())));
        var batches = JsonDocument.Parse((await InProcessCli.RunAsync("batches", "--store", store, "--format", "json")).ShouldSucceed().StdOut).RootElement;
        var batch = Assert.Single(batches.EnumerateArray());
        Assert.Equal("alice", batch.GetProperty("importedBy").GetString());
        var imported = JsonDocument.Parse(entries[2].GetProperty("details").GetString()!).RootElement;
        Assert.Equal(batch.GetProperty("total").GetDecimal(), imported.GetProperty("total").GetDecimal());
        Assert.Equal(IndependentTotal.Sum(SampleFiles.Devon202504, "Amount", System.Text.Encoding.UTF8).Total, imported.GetProperty("total").GetDecimal());
        var moved = JsonDocument.Parse(entries[0].GetProperty("details").GetString()!).RootElement;
        Assert.True(moved.GetProperty("linesChanged").GetInt64() > 0);
        Assert.Equal(moved.GetProperty("moneyMoved").GetDecimal(), moved.GetProperty("moves").EnumerateArray().Sum(m => m.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task Audit_Filters_NarrowTheListAndCsvHasEveryColumn()
    {
        var store = _temp.File("filters.duckdb");
        (await InProcessCli.RunAsync("import", "--store", store, "--place", Devon, "--agency", Council, "--as", "alice", SampleFiles.Devon202504)).ShouldSucceed();
        (await InProcessCli.RunAsync("reclassify", "--store", store, "--place", Devon, "--as", "carol")).ShouldSucceed();

        var csv = (await InProcessCli.RunAsync("audit", "--store", store, "--actor", "CAROL", "--since", "2020-01-01", "--format", "csv")).ShouldSucceed();
        var none = (await InProcessCli.RunAsync("audit", "--store", store, "--place", "E08000003", "--format", "json")).ShouldSucceed();

        var lines = csv.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,actor,action,place,agency,subjectKind,subjectId,summary,details", lines[0].Trim());
        Assert.Equal(2, lines.Length);
        Assert.Contains(",carol,place.reclassified,", lines[1], StringComparison.Ordinal);
        Assert.Empty(JsonDocument.Parse(none.StdOut).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Audit_BadSince_IsAUsageErrorStatingTheFormat()
    {
        var store = _temp.File("bad.duckdb");
        (await InProcessCli.RunAsync("import", "--store", store, "--place", Devon, "--agency", Council, SampleFiles.Devon202504)).ShouldSucceed();

        var result = await InProcessCli.RunAsync("audit", "--store", store, "--since", "last tuesday");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("2026-11-24", result.StdErr + result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithoutAs_RecordsTheOsUser()
    {
        var store = _temp.File("os.duckdb");
        (await InProcessCli.RunAsync("import", "--store", store, "--place", Devon, "--agency", Council, SampleFiles.Devon202504)).ShouldSucceed();

        var json = (await InProcessCli.RunAsync("audit", "--store", store, "--action", "batch.imported", "--format", "json")).ShouldSucceed();

        Assert.Equal(Environment.UserName, Assert.Single(JsonDocument.Parse(json.StdOut).RootElement.EnumerateArray()).GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData(new[] { "import", "--as", "alice", "x.csv" }, new[] { "import", "x.csv" }, "alice")]
    [InlineData(new[] { "import", "--as=bob", "x.csv" }, new[] { "import", "x.csv" }, "bob")]
    [InlineData(new[] { "import", "x.csv" }, new[] { "import", "x.csv" }, null)]
    [InlineData(new[] { "import", "--", "--as", "x" }, new[] { "import", "--", "--as", "x" }, null)]
    public void TakeActor_SplitsTheOptionFromTheVerbsArguments(string[] args, string[] remaining, string? name)
    {
        var (rest, actor) = AuditCommands.TakeActor(args);

        Assert.Equal(remaining, rest);
        Assert.Equal(name, actor);
    }
}
