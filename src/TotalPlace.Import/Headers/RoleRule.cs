namespace TotalPlace.Import.Headers;

/// <summary>How one role is recognised from a normalised header: exact names, best first, then weaker keyword tests.</summary>
internal sealed record RoleRule<TRole>(TRole Role, string[] Exact, string[][] AllWords, string[] Never)
    where TRole : struct, Enum
{
    public int Score(string normalised)
    {
        if (normalised.Length == 0)
        {
            return 0;
        }

        var index = Array.IndexOf(Exact, normalised);
        if (index >= 0)
        {
            return 1000 - index;
        }

        var words = normalised.Split(' ');
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
                return 100 - i;
            }
        }

        return 0;
    }
}
