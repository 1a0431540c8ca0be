namespace TotalPlace.Import.Headers;

/// <summary>Assigns roles to columns from their header names, read by <see cref="HeaderTokens"/>: every (role,
/// column) pair is scored and the best pairs are taken first, each role and column once; on equal scores the
/// leftmost column wins here, and the spend reader then weighs the columns' contents (see
/// <see cref="Rows.ColumnProfile"/>) and refuses a tie it cannot settle.</summary>
internal sealed class HeaderMatcher<TRole>
    where TRole : struct, Enum
{
    private readonly RoleRule<TRole>[] _rules;

    public HeaderMatcher(IReadOnlyList<RoleRule<TRole>> rules) => _rules = [.. rules.Select(r => r.Tokenised())];

    public IReadOnlyList<RoleRule<TRole>> Rules => _rules;

    /// <summary>How well the header names the role (0: not at all).</summary>
    public int Score(TRole role, string? header)
    {
        var tokens = HeaderTokens.Read(header);
        return _rules.Where(r => EqualityComparer<TRole>.Default.Equals(r.Role, role)).Select(r => r.Score(tokens)).DefaultIfEmpty(0).Max();
    }

    public Dictionary<TRole, int> Match(IReadOnlyList<string> headers, IReadOnlyDictionary<TRole, int>? fixedColumns = null)
    {
        var result = new Dictionary<TRole, int>();
        var taken = new HashSet<int>();
        if (fixedColumns is not null)
        {
            foreach (var (role, column) in fixedColumns)
            {
                result[role] = column;
                taken.Add(column);
            }
        }

        var candidates = new List<(int Score, int Rule, int Column)>();
        var rules = _rules;
        var normalised = headers.Select(h => HeaderTokens.Read(h)).ToArray();
        for (var r = 0; r < rules.Length; r++)
        {
            if (result.ContainsKey(rules[r].Role))
            {
                continue;
            }

            for (var c = 0; c < normalised.Length; c++)
            {
                var score = rules[r].Score(normalised[c]);
                if (score > 0)
                {
                    candidates.Add((score, r, c));
                }
            }
        }

        foreach (var (_, rule, column) in candidates.OrderByDescending(x => x.Score).ThenBy(x => x.Column).ThenBy(x => x.Rule))
        {
            var role = rules[rule].Role;
            if (!result.ContainsKey(role) && taken.Add(column))
            {
                result[role] = column;
            }
        }

        return result;
    }

    /// <summary>Finds the header among the first records: the one naming the most roles, which must include every
    /// required role; the earliest wins a tie. Returns -1 when no record qualifies.</summary>
    public int FindHeader(IReadOnlyList<string[]> records, IReadOnlyCollection<TRole> required)
    {
        var best = -1;
        var bestScore = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var match = Match(records[i]);
            if (!required.All(match.ContainsKey))
            {
                continue;
            }

            var score = match.Count;
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return best;
    }
}
