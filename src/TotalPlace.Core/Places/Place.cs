namespace TotalPlace.Core.Places;

/// <summary>A place: the area whose public spending is counted, identified by its ONS GSS code.</summary>
/// <remarks>Population is held by calendar year (mid-year or census); per-head figures for a financial year use
/// the population of the year it starts in, or the nearest year known.</remarks>
/// <param name="Code">The ONS GSS code, e.g. "E08000003" for Manchester.</param>
/// <param name="Name">The place's name.</param>
/// <param name="Population">Usual resident population by calendar year.</param>
public sealed record Place(string Code, string Name, IReadOnlyDictionary<int, long> Population)
{
    /// <summary>The population for the financial year, taken from the nearest calendar year known; null if none.</summary>
    public long? PopulationFor(FiscalYear year)
    {
        if (Population.Count == 0)
        {
            return null;
        }

        var nearest = Population.Keys.MinBy(y => (Math.Abs(y - year.StartYear), -y));
        return Population[nearest];
    }

    /// <summary>A place code as typed (" e08000003 ") in the one form the store keys on ("E08000003"): every handler
    /// that takes a place code from a person normalises it with this before comparing, checking or storing it.</summary>
    public static string NormaliseCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Trim().ToUpperInvariant();
    }

    /// <summary>True when <paramref name="code"/> has the shape of a GSS code: a letter, then eight digits.</summary>
    public static bool IsGssCode(string code) =>
        code is { Length: 9 } && char.IsAsciiLetterUpper(code[0]) && code.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false;
}
