namespace TotalPlace.Core.Appraisal.Uncertainty;

/// <summary>
/// Monte Carlo simulation of a proposal's present values under the distributions on its inputs: seeded,
/// reproducible and parallel.
/// </summary>
/// <remarks>
/// <para>Iterations are split into fixed chunks, each with its own generator seeded from (seed, chunk), and each
/// iteration writes to its own slot, so results do not depend on the number of cores or on scheduling.</para>
/// <para>The inner loop works in <see cref="double"/> ONLY for these simulation statistics (percentiles, P(NPV &gt; 0)),
/// where 15 significant digits are far more than the spread measured; deterministic figures stay decimal.</para>
/// </remarks>
public static class MonteCarlo
{
    private const int ChunkSize = 4096;

    /// <summary>Runs <paramref name="iterations"/> draws of the proposal's <see cref="Proposal.Uncertainty"/> inputs.</summary>
    /// <exception cref="ProposalException">The proposal is not valid.</exception>
    public static MonteCarloResult Run(Proposal proposal, Appraiser appraiser, int iterations, ulong seed,
        int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(appraiser);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var errors = appraiser.Validate(proposal);
        if (errors.Count > 0)
        {
            throw new ProposalException(errors);
        }

        var model = new CompiledModel(proposal, appraiser);
        var index = model.Paths.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var slots = proposal.Uncertainty.Select(u => index[u.Path]).ToArray();
        var distributions = proposal.Uncertainty.Select(u => u.Distribution).ToArray();
        var costs = new double[iterations];
        var fiscal = new double[iterations];
        var publicValue = new double[iterations];
        var chunks = (iterations + ChunkSize - 1) / ChunkSize;
        Parallel.For(0, chunks,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken },
            chunk =>
            {
                var rng = ChunkGenerator(seed, chunk);
                Span<double> x = model.Base.Length <= 512 ? stackalloc double[model.Base.Length] : new double[model.Base.Length];
                model.Base.CopyTo(x);
                var end = Math.Min(iterations, (chunk + 1) * ChunkSize);
                for (var i = chunk * ChunkSize; i < end; i++)
                {
                    for (var k = 0; k < slots.Length; k++)
                    {
                        x[slots[k]] = distributions[k].Sample(ref rng);
                    }

                    var o = model.Evaluate(x);
                    costs[i] = o.PvCosts;
                    fiscal[i] = o.PvFiscal;
                    publicValue[i] = o.PvPublicValue;
                }
            });

        return Summarise(proposal, iterations, seed, costs, fiscal, publicValue);
    }

    /// <summary>
    /// The same simulation done naively: each iteration builds a proposal and appraises it in decimal. Same
    /// samples as <see cref="Run"/>; kept as the benchmark's baseline and as a cross-check in tests.
    /// </summary>
    public static MonteCarloResult RunNaive(Proposal proposal, Appraiser appraiser, int iterations, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(appraiser);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var costs = new double[iterations];
        var fiscal = new double[iterations];
        var publicValue = new double[iterations];
        var chunks = (iterations + ChunkSize - 1) / ChunkSize;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var rng = ChunkGenerator(seed, chunk);
            var end = Math.Min(iterations, (chunk + 1) * ChunkSize);
            for (var i = chunk * ChunkSize; i < end; i++)
            {
                var p = proposal;
                foreach (var u in proposal.Uncertainty)
                {
                    p = ProposalInputs.With(p, u.Path, (decimal)u.Distribution.Sample(ref rng), appraiser);
                }

                var r = appraiser.Appraise(p);
                costs[i] = (double)r.PvCosts;
                fiscal[i] = (double)r.PvFiscal;
                publicValue[i] = (double)r.PvPublicValue;
            }
        }

        return Summarise(proposal, iterations, seed, costs, fiscal, publicValue);
    }

    private static Xoshiro256 ChunkGenerator(ulong seed, int chunk)
    {
        var state = seed;
        var mixed = Xoshiro256.SplitMix(ref state);
        return new Xoshiro256(unchecked(mixed + (ulong)chunk * 0x9E3779B97F4A7C15UL));
    }

    private static MonteCarloResult Summarise(Proposal proposal, int n, ulong seed, double[] costs, double[] fiscal, double[] publicValue)
    {
        var npvFiscal = new double[n];
        var npvPublic = new double[n];
        var roiFiscal = new double[n];
        var roiPublic = new double[n];
        int positiveFiscal = 0, positivePublic = 0;
        for (var i = 0; i < n; i++)
        {
            npvFiscal[i] = fiscal[i] - costs[i];
            npvPublic[i] = publicValue[i] - costs[i];
            roiFiscal[i] = costs[i] == 0 ? double.NaN : fiscal[i] / costs[i];
            roiPublic[i] = costs[i] == 0 ? double.NaN : publicValue[i] / costs[i];
            positiveFiscal += npvFiscal[i] > 0 ? 1 : 0;
            positivePublic += npvPublic[i] > 0 ? 1 : 0;
        }

        var histogram = Histogram.Of(npvFiscal);
        var outputs = new[] { costs, npvFiscal, npvPublic, roiFiscal, roiPublic };
        var bands = new Bands[outputs.Length];
        Parallel.For(0, outputs.Length, i => bands[i] = BandsOf(outputs[i]));
        return new MonteCarloResult
        {
            Iterations = n,
            Seed = seed,
            Inputs = proposal.Uncertainty,
            PvCosts = bands[0],
            NpvFiscal = bands[1],
            NpvPublicValue = bands[2],
            RoiFiscal = bands[3],
            RoiPublicValue = bands[4],
            NpvFiscalHistogram = histogram,
            ProbabilityNpvFiscalPositive = (double)positiveFiscal / n,
            ProbabilityNpvPublicValuePositive = (double)positivePublic / n,
        };
    }

    private static Bands BandsOf(double[] values)
    {
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        // Sorting is simpler than three selections and costs ~60 ms per million; the five outputs sort in parallel.
        Array.Sort(values);
        return new Bands(Percentile(values, 0.10), Percentile(values, 0.50), Percentile(values, 0.90), mean);
    }

    private static double Percentile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
