using System.Runtime.CompilerServices;
using TotalPlace.Application.Waste;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Core.Waste;
using TotalPlace.Demo;
using TotalPlace.Storage.Identity;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Waste;

/// <summary>The waste analyses and saved offers give the same findings and figures, to the penny, on both engines.</summary>
public sealed class WasteAndOfferParityTests(DuckDbFileFixture duckDb, PostgresClusterFixture postgres) : IClassFixture<DuckDbFileFixture>, IClassFixture<PostgresClusterFixture>
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 24, 21, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WasteRunAndOffers_OnTheDemoPlace_AreTheSameOnBothEngines()
    {
        await using var embedded = await duckDb.CreateStoreAsync(Ct);
        await using var server = await postgres.CreateStoreAsync(Ct);
        var options = new DemoOptions(TransactionLinesPerYear: 2_000, Years: 2);
        await DemoPlace.BuildAsync(embedded, options, cancellationToken: Ct);
        await DemoPlace.BuildAsync(server, options, cancellationToken: Ct);
        var offer = OfferFile.Parse(SampleOffer()).Offer!;
        await embedded.Partnership.SaveOfferAsync(offer, Ct);
        await server.Partnership.SaveOfferAsync(offer, Ct);

        var request = new RunWasteAnalysisRequest(DemoPlace.Code, Visibility.All);
        var a = (await new RunWasteAnalysis(embedded, new FixedClock(s_now)).ExecuteAsync(request, progress: null, Ct)).Findings;
        var b = (await new RunWasteAnalysis(server, new FixedClock(s_now)).ExecuteAsync(request, progress: null, Ct)).Findings;

        Assert.NotEmpty(a);
        Assert.Equal(Shape(a), Shape(b));
        Assert.Equal(a.Sum(f => f.MoneyAtStake), b.Sum(f => f.MoneyAtStake));
        Assert.Equal(await embedded.Partnership.ListOffersAsync(cancellationToken: Ct), await server.Partnership.ListOffersAsync(cancellationToken: Ct));
    }

    private static IEnumerable<(string Key, FindingKind Kind, string Title, decimal Money, string Explanation, ReviewState State)> Shape(IReadOnlyList<WasteFinding> findings) =>
        findings.Select(f => (f.Key, f.Kind, f.Title, f.MoneyAtStake, string.Join('\n', f.Explanation), f.State));

    private static string SampleOffer([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir!.FullName, "TotalPlace.slnx")))
        {
            dir = dir.Parent;
        }

        return File.ReadAllText(Path.Combine(dir.FullName, "samples/offers/gm-working-well.offer.json"));
    }

    /// <summary>The run's clock, fixed: both engines save the findings at the same time.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
