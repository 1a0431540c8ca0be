using TotalPlace.Core;

namespace TotalPlace.Demo;

/// <summary>How big a demo place to build. The defaults build in a few seconds; every value gives the same place
/// every time (the generator is seeded).</summary>
/// <param name="Seed">The random seed; change it for a different but equally realistic place.</param>
/// <param name="FirstYear">The first financial year.</param>
/// <param name="Years">How many financial years.</param>
/// <param name="TransactionLinesPerYear">Published spend lines across all partners per year.</param>
/// <param name="StatementTotalPerYear">What the statements of the middle year add up to, before growth.</param>
public sealed record DemoOptions(
    int Seed = 2009,
    int FirstYear = 2021,
    int Years = 3,
    int TransactionLinesPerYear = 40_000,
    decimal StatementTotalPerYear = 22_000_000_000m)
{
    /// <summary>The years built, in order.</summary>
    public IReadOnlyList<FiscalYear> FiscalYears =>
        [.. Enumerable.Range(0, Years).Select(i => FiscalYear.StartingIn(FirstYear + i))];
}
