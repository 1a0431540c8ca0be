namespace TotalPlace.Core.Appraisal.Uncertainty;

/// <summary>Tornado analysis: each input moved to its low and high values alone, exact (decimal) appraisals.</summary>
public static class Tornado
{
    /// <summary>The relative swing used when a proposal gives no distributions (±10%, TotalPlace convention).</summary>
    public const decimal DefaultSwing = 0.10m;

    /// <summary>
    /// Bars for the proposal's uncertain inputs (low/high of each distribution; P10/P90 for normal), or, when it has
    /// none, for every input at ±<see cref="DefaultSwing"/> of base (clamped to the valid range). Widest first.
    /// </summary>
    public static IReadOnlyList<TornadoBar> Compute(Proposal proposal, Appraiser appraiser)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(appraiser);
        var ranges = proposal.Uncertainty.Count > 0
            ? proposal.Uncertainty.Select(u => (u.Path, u.Distribution.TornadoLow, u.Distribution.TornadoHigh))
            : ProposalInputs.All(proposal).Select(path =>
            {
                var value = ProposalInputs.Get(proposal, path, appraiser);
                var (min, max) = ProposalInputs.Domain(path);
                var high = value * (1m + DefaultSwing);
                return (path, Math.Max(min, value * (1m - DefaultSwing)), max is { } m ? Math.Min(m, high) : high);
            });
        var bars = new List<TornadoBar>();
        foreach (var (path, low, high) in ranges)
        {
            var baseValue = ProposalInputs.Get(proposal, path, appraiser);
            if (low == high)
            {
                continue;
            }

            var atLow = appraiser.Appraise(ProposalInputs.With(proposal, path, low, appraiser));
            var atHigh = appraiser.Appraise(ProposalInputs.With(proposal, path, high, appraiser));
            bars.Add(new TornadoBar(path, baseValue, low, high, atLow.NpvFiscal, atHigh.NpvFiscal, atLow.NpvPublicValue, atHigh.NpvPublicValue));
        }

        return bars.OrderByDescending(b => b.Swing).ThenBy(b => b.Path, StringComparer.Ordinal).ToList();
    }
}
