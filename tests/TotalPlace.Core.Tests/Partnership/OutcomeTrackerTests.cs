using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Core.Partnership.Tracking;

namespace TotalPlace.Core.Tests.Partnership;

public sealed class OutcomeTrackerTests
{
    private static readonly DateOnly s_baselineDate = new(2027, 4, 1);
    private static readonly DateOnly s_targetDate = new(2030, 3, 31);
    private static readonly DateOnly s_interim = new(2028, 10, 1);

    private static readonly Outcome s_rising = new("Jobs", "Sustained jobs", "people",
        new Measurement(100m, s_baselineDate), new Measurement(300m, s_targetDate), "DWP", ["DWP"]);

    private static decimal ExpectedAtInterim =>
        (decimal)(s_interim.DayNumber - s_baselineDate.DayNumber) / (s_targetDate.DayNumber - s_baselineDate.DayNumber);

    private static OutcomeProgress AssessAt(decimal actual, DateOnly? asOf = null) =>
        OutcomeTracker.Assess(s_rising, [new OutcomeActual("Jobs", actual, new DateOnly(2028, 9, 30))], asOf ?? s_interim);

    [Fact]
    public void Assess_AheadOfTrajectory_IsGreen()
    {
        var p = AssessAt(250m);

        Assert.Equal(0.75m, p.Progress);
        Assert.Equal(ExpectedAtInterim, p.Expected);
        Assert.Equal(Rag.Green, p.Status);
    }

    [Fact]
    public void Assess_BehindButAboveThreeQuartersOfExpected_IsAmber()
    {
        var actual = 100m + (200m * ExpectedAtInterim * 0.8m);

        Assert.Equal(Rag.Amber, AssessAt(actual).Status);
    }

    [Fact]
    public void Assess_BelowThreeQuartersOfExpected_IsRed()
    {
        var actual = 100m + (200m * ExpectedAtInterim * 0.7m);

        Assert.Equal(Rag.Red, AssessAt(actual).Status);
    }

    [Fact]
    public void Assess_MovingTheWrongWay_IsRed()
    {
        Assert.Equal(Rag.Red, AssessAt(90m).Status);
    }

    [Fact]
    public void Assess_FallingTarget_MeasuresProgressDownwards()
    {
        var falling = s_rising with { Baseline = new Measurement(31.5m, s_baselineDate), Target = new Measurement(27m, s_targetDate) };

        var p = OutcomeTracker.Assess(falling, [new OutcomeActual("Jobs", 28.5m, new DateOnly(2028, 9, 30))], s_interim);

        Assert.Equal(3m / 4.5m, p.Progress);
        Assert.Equal(Rag.Green, p.Status);
    }

    [Fact]
    public void Assess_NoActualYet_IsNotMeasured()
    {
        var p = OutcomeTracker.Assess(s_rising, [], s_interim);

        Assert.Equal(Rag.NotMeasured, p.Status);
        Assert.Null(p.Progress);
    }

    [Fact]
    public void Assess_ActualAfterTheReportDate_IsNotCounted()
    {
        var p = AssessAt(300m, new DateOnly(2028, 9, 1));

        Assert.Equal(Rag.NotMeasured, p.Status);
    }

    [Fact]
    public void Assess_FinalReportTargetMissedByALittle_IsAmber()
    {
        var p = OutcomeTracker.Assess(s_rising, [new OutcomeActual("Jobs", 280m, s_targetDate)], s_targetDate);

        Assert.Equal(1m, p.Expected);
        Assert.Equal(Rag.Amber, p.Status);
    }

    [Fact]
    public void Interim_SampleOffer_ReportsSpendAgainstThePoolForYearsStarted()
    {
        var offer = OfferFile.Parse(File.ReadAllText(RepoFiles.SampleOffer)).Offer!;

        var report = OutcomeTracker.Interim(offer);

        Assert.Equal(ReportKind.Interim, report.Kind);
        Assert.Equal(["2027-28", "2028-29"], report.Pool.Select(p => p.Year.ToString()));
        var budget = offer.Pool!.Contributions.Where(c => c.Year.StartYear <= 2028).Sum(c => c.Total.Pounds);
        var spent = offer.PoolSpend.Sum(s => s.Amount.Pounds);
        Assert.Equal(budget, report.Budget.Pounds);
        Assert.Equal(spent, report.Spent.Pounds);
        Assert.Equal(offer.Outcomes.Count, report.Outcomes.Count);
        Assert.Equal(1, report.Count(Rag.NotMeasured));
    }

    [Fact]
    public void Final_IsAtTheEndOfTheTerm()
    {
        var offer = new OfferBuilder().Build();

        Assert.Equal(offer.EndDate, OutcomeTracker.Final(offer).AsOf);
    }
}
