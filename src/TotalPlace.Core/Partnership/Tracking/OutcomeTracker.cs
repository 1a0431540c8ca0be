namespace TotalPlace.Core.Partnership.Tracking;

/// <summary>
/// Tracks an offer's outcomes against their targets and its spend against the pool, for the interim and final reports.
/// </summary>
/// <remarks>
/// <para><b>The RAG rule.</b> Progress is how far the latest actual on or before the report date has moved from the
/// baseline towards the target: (actual − baseline) ÷ (target − baseline), so it works whether the target is
/// above or below the baseline. Expected progress is the share of the time from baseline date to target date that
/// has passed by the report date (0 to 1): a straight-line trajectory. An outcome is <see cref="Rag.Green"/> when
/// progress ≥ expected; <see cref="Rag.Amber"/> when progress ≥ <see cref="AmberShare"/> × expected (and is not
/// negative); otherwise <see cref="Rag.Red"/>. With no actual yet it is <see cref="Rag.NotMeasured"/>. At the final
/// report the target date has passed, expected is 1, and green means the target was met.</para>
/// </remarks>
public static class OutcomeTracker
{
    /// <summary>The share of expected progress that still counts as amber rather than red.</summary>
    public const decimal AmberShare = 0.75m;

    /// <summary>The interim report, on the offer's interim report date.</summary>
    public static ProgressReport Interim(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return Report(offer, ReportKind.Interim, offer.InterimReportDate);
    }

    /// <summary>The final report, at the end of the term.</summary>
    public static ProgressReport Final(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return Report(offer, ReportKind.Final, offer.EndDate);
    }

    /// <summary>A report on any date.</summary>
    public static ProgressReport Report(Offer offer, ReportKind kind, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var outcomes = offer.Outcomes.Select(o => Assess(o, offer.Actuals, asOf)).ToList();
        var pool = new List<PoolYearPosition>();
        if (offer.Pool is { } p)
        {
            foreach (var year in p.Years.Where(y => y.Start <= asOf))
            {
                var spent = Money.Sum(offer.PoolSpend.Where(s => s.Year == year).Select(s => s.Amount));
                pool.Add(new PoolYearPosition(year, p.ContributedIn(year), spent));
            }
        }

        return new ProgressReport(kind, asOf, outcomes, pool);
    }

    /// <summary>Assesses one outcome on a date from the actuals recorded.</summary>
    public static OutcomeProgress Assess(Outcome outcome, IEnumerable<OutcomeActual> actuals, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(actuals);
        var latest = actuals
            .Where(a => string.Equals(a.Outcome, outcome.Name, StringComparison.Ordinal) && a.Date <= asOf)
            .OrderBy(a => a.Date)
            .LastOrDefault();
        if (outcome.Baseline is not { } baseline || outcome.Target is not { } target)
        {
            return new OutcomeProgress(outcome, latest, null, 0m, Rag.NotMeasured);
        }

        var expected = ExpectedProgress(baseline.Date, target.Date, asOf);
        if (latest is null)
        {
            return new OutcomeProgress(outcome, null, null, expected, Rag.NotMeasured);
        }

        var gap = target.Value - baseline.Value;
        var progress = gap == 0m
            ? (latest.Value == target.Value ? 1m : 0m)
            : (latest.Value - baseline.Value) / gap;
        var status = progress >= expected ? Rag.Green
            : progress >= 0m && progress >= AmberShare * expected ? Rag.Amber
            : Rag.Red;
        return new OutcomeProgress(outcome, latest, progress, expected, status);
    }

    private static decimal ExpectedProgress(DateOnly from, DateOnly to, DateOnly asOf)
    {
        if (asOf <= from)
        {
            return 0m;
        }

        if (asOf >= to || to <= from)
        {
            return 1m;
        }

        return (decimal)(asOf.DayNumber - from.DayNumber) / (to.DayNumber - from.DayNumber);
    }
}
