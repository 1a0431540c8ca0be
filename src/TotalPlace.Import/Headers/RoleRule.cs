namespace TotalPlace.Import.Headers;

/// <summary>How one role is recognised from a header read by <see cref="HeaderTokens"/>: exact names, best first,
/// then weaker keyword tests, nudged by words that make a column a better or worse candidate (the line amount
/// over the gross or the invoice total).</summary>
internal sealed record RoleRule<TRole>(TRole Role, string[] Exact, string[][] AllWords, string[] Never, string[]? Prefer = null, string[]? Avoid = null)
    where TRole : struct, Enum
{
    /// <summary>The same rule with every name and word read the way headers are, so "transaction no" in the list
    /// and "TransactionNo" in a file meet as "transaction number".</summary>
    public RoleRule<TRole> Tokenised() => this with
    {
        Exact = [.. Exact.Select(e => HeaderTokens.Read(e))],
        AllWords = [.. AllWords.Select(words => words.SelectMany(w => HeaderTokens.Read(w).Split(' ')).ToArray())],
        Never = [.. Never.Select(n => HeaderTokens.Read(n))],
        Prefer = Prefer is null ? null : [.. Prefer.Select(p => HeaderTokens.Read(p))],
        Avoid = Avoid is null ? null : [.. Avoid.Select(a => HeaderTokens.Read(a))],
    };

    /// <summary>0 when the header does not name the role; exact names score 1000 less their rank; keyword matches
    /// about 100, nudged by ±5 for each preferred or avoided word.</summary>
    public int Score(string tokenised)
    {
        if (tokenised.Length == 0)
        {
            return 0;
        }

        var index = Array.IndexOf(Exact, tokenised);
        if (index >= 0)
        {
            return 1000 - index;
        }

        var words = tokenised.Split(' ');
        foreach (var never in Never)
        {
            if (Array.IndexOf(words, never) >= 0)
            {
                return 0;
            }
        }

        for (var i = 0; i < AllWords.Length; i++)
        {
            var all = true;
            foreach (var word in AllWords[i])
            {
                if (Array.IndexOf(words, word) < 0)
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return 100 - (10 * i) + Nudge(words);
            }
        }

        return 0;
    }

    private int Nudge(string[] words)
    {
        var nudge = 0;
        foreach (var word in words)
        {
            if (Prefer is not null && Array.IndexOf(Prefer, word) >= 0)
            {
                nudge += 5;
            }

            if (Avoid is not null && Array.IndexOf(Avoid, word) >= 0)
            {
                nudge -= 5;
            }
        }

        return nudge;
    }
}
