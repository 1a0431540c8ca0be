using System.Runtime.CompilerServices;
using TotalPlace.Application.Appraisal;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Application.Tests.Appraisal;

/// <summary>The Monte Carlo use case: what it refuses, and that with or without progress it gives the engine's seeded
/// result (the progress pilot changes nothing).</summary>
public sealed class RunMonteCarloTests
{
    private static Proposal Sample()
    {
        var appraisal = AppraiseProposal.Evaluate(File.ReadAllText(Path.Combine(RepoRoot(), "samples/proposals/jsa-claimants-into-work.json")));
        Assert.True(appraisal.IsValid, string.Join("; ", appraisal.Errors));
        Assert.NotEmpty(appraisal.Proposal!.Uncertainty);
        return appraisal.Proposal;
    }

    [Fact]
    public void Check_ProposalWithoutUncertainty_IsRefusedNamingTheList()
    {
        var refused = Assert.Throws<MonteCarloRefusedException>(() => RunMonteCarlo.Check(Sample() with { Uncertainty = [] }, 1000));

        Assert.Equal("uncertainty", refused.Field);
    }

    [Theory]
    [InlineData(0, RunMonteCarlo.MaxIterations)]
    [InlineData(-5, RunMonteCarlo.MaxIterations)]
    [InlineData(RunMonteCarlo.MaxSharedIterations + 1, RunMonteCarlo.MaxSharedIterations)]
    [InlineData(RunMonteCarlo.MaxIterations + 1, int.MaxValue)]
    public void Check_DrawsOutOfTheHostsRange_AreRefusedNamingTheLimit(int iterations, int limit)
    {
        var refused = Assert.Throws<MonteCarloRefusedException>(() => RunMonteCarlo.Check(Sample(), iterations, limit));

        Assert.Equal("iterations", refused.Field);
        Assert.Contains(Math.Min(limit, RunMonteCarlo.MaxIterations).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_WithAndWithoutProgress_GivesTheEnginesSeededResult()
    {
        var proposal = Sample();
        var reports = new List<MonteCarloProgress>();
        var engine = MonteCarlo.Run(proposal, Appraiser.Default, 5000, 7, cancellationToken: TestContext.Current.CancellationToken);

        var quiet = new RunMonteCarlo(TimeProvider.System).Execute(new RunMonteCarloRequest(proposal, 5000, 7), null, TestContext.Current.CancellationToken);
        var followed = new RunMonteCarlo(TimeProvider.System).Execute(new RunMonteCarloRequest(proposal, 5000, 7, MaxDegreeOfParallelism: 1), new Recorder(reports), TestContext.Current.CancellationToken);

        foreach (var done in new[] { quiet, followed })
        {
            Assert.Equal(engine.Iterations, done.Result.Iterations);
            Assert.Equal(engine.NpvFiscal.P50, done.Result.NpvFiscal.P50);
            Assert.Equal(engine.ProbabilityNpvFiscalPositive, done.Result.ProbabilityNpvFiscalPositive);
        }

        Assert.Equal(0, reports[0].Fraction);
        Assert.All(reports, r => Assert.InRange(r.Fraction, 0, 0.99));
        Assert.StartsWith("5,000 draws done in", followed.Summary, StringComparison.Ordinal);
    }

    private sealed class Recorder(List<MonteCarloProgress> reports) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }

    private static string RepoRoot([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir!.FullName, "TotalPlace.slnx")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
