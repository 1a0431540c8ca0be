namespace TotalPlace.Core.Appraisal.Uncertainty;

/// <summary>Switching values: how far each input can move before fiscal NPV reaches zero.</summary>
public static class SwitchingValues
{
    /// <summary>Switching values of every input of the proposal (<see cref="ProposalInputs.All"/>), or of <paramref name="paths"/>.</summary>
    /// <remarks>NPV is linear in every input except drop-off, so a secant step from two exact appraisals lands on the
    /// root; a few more secant or bisection steps cover drop-off. Found to within half a penny of NPV.</remarks>
    public static IReadOnlyList<SwitchingValue> Compute(Proposal proposal, Appraiser appraiser, IEnumerable<string>? paths = null)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(appraiser);
        return (paths ?? ProposalInputs.All(proposal)).Select(path => Solve(proposal, appraiser, path)).ToList();
    }

    private static SwitchingValue Solve(Proposal proposal, Appraiser appraiser, string path)
    {
        var x0 = ProposalInputs.Get(proposal, path, appraiser);
        var (min, max) = ProposalInputs.Domain(path);
        decimal F(decimal x) => appraiser.Appraise(ProposalInputs.With(proposal, path, x, appraiser)).NpvFiscal;
        var f0 = F(x0);
        if (f0 == 0m)
        {
            return new SwitchingValue(path, x0, x0);
        }

        // Bracket the root within the domain: amounts may grow without bound, so try doubling up to a limit.
        var upper = max ?? Math.Max(1m, Math.Abs(x0)) * 1024m;
        decimal a = min, b = upper;
        decimal fa = F(a), fb = F(b);
        if (Math.Sign(fa) == Math.Sign(fb))
        {
            return new SwitchingValue(path, x0, null);
        }

        var side = 0;
        for (var i = 0; i < 200; i++)
        {
            // Regula falsi (exact for linear inputs) with the Illinois step, so a curved input such as drop-off
            // cannot leave one end of the bracket stuck; bisection if the step leaves the bracket.
            var x = fb - fa == 0m ? (a + b) / 2m : b - fb * (b - a) / (fb - fa);
            if (x <= Math.Min(a, b) || x >= Math.Max(a, b))
            {
                x = (a + b) / 2m;
            }

            var fx = F(x);
            if (Math.Abs(fx) < 0.005m)
            {
                return new SwitchingValue(path, x0, x);
            }

            if (Math.Sign(fx) == Math.Sign(fa))
            {
                a = x;
                fa = fx;
                fb = side == -1 ? fb / 2m : fb;
                side = -1;
            }
            else
            {
                b = x;
                fb = fx;
                fa = side == 1 ? fa / 2m : fa;
                side = 1;
            }
        }

        return new SwitchingValue(path, x0, (a + b) / 2m);
    }
}
