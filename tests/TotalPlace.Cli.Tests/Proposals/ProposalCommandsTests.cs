using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using TotalPlace.Cli.Tests.Infrastructure;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Cli.Tests.Proposals;

/// <summary>The proposal verbs in-process saving, listing and exporting a proposal through a store
/// (issue 16), the figures checked against the engine run here on the same file.</summary>
public sealed class ProposalCommandsTests
{
    private static readonly string s_sample = RepoFile("samples/proposals/jsa-claimants-into-work.json");

    private static string RepoFile(string relative, [CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TotalPlace.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, relative);
    }

    [Fact]
    public async Task SaveListExport_RoundTripTheProposalWithTheEnginesNpv()
    {
        using var temp = new TempFolder();
        var store = temp.File("place.duckdb");
        var exported = temp.File("exported.json");
        var expected = Appraiser.Default.Appraise(ProposalParser.Parse(await File.ReadAllTextAsync(s_sample, TestContext.Current.CancellationToken)).Value);

        (await InProcessCli.RunAsync("proposal", "save", s_sample, "--store", store, "--place", "e11000001", "--id", "jsa")).ShouldSucceed();
        var list = (await InProcessCli.RunAsync("proposal", "list", "--store", store, "--format", "json")).ShouldSucceed();
        (await InProcessCli.RunAsync("proposal", "export", "jsa", "--store", store, "--place", "E11000001", "--out", exported)).ShouldSucceed();

        var row = Assert.Single(JsonNode.Parse(list.StdOut)!.AsArray())!;
        Assert.Equal("E11000001", (string)row["place"]!);
        Assert.Equal("jsa", (string)row["id"]!);
        Assert.Equal(expected.NpvFiscal, (decimal)row["npvFiscal"]!);
        Assert.Equal(expected.PvCosts, (decimal)row["pvCosts"]!);
        Assert.Equal(await File.ReadAllTextAsync(s_sample, TestContext.Current.CancellationToken), await File.ReadAllTextAsync(exported, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Save_ProposalThatDoesNotAppraise_IsRefusedWithItsFieldPath()
    {
        using var temp = new TempFolder();
        var store = temp.File("place.duckdb");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(s_sample, TestContext.Current.CancellationToken))!.AsObject();
        json["engagement"] = 1.5m;
        var bad = temp.File("bad.json");
        await File.WriteAllTextAsync(bad, json.ToJsonString(), TestContext.Current.CancellationToken);

        var result = await InProcessCli.RunAsync("proposal", "save", bad, "--store", store, "--place", "E11000001");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("engagement", result.StdErr, StringComparison.Ordinal);
        var list = (await InProcessCli.RunAsync("proposal", "list", "--store", store, "--format", "json")).ShouldSucceed();
        Assert.Empty(JsonNode.Parse(list.StdOut)!.AsArray());
    }
}
