using System.Globalization;

namespace TotalPlace.Core.Waste;

/// <summary>
/// Resolves the suppliers of all partners into clusters, one per real body: registered numbers and vendor numbers
/// first, then equal normalised names, then similar names found within blocks of rare shared words, joined with a
/// union-find that refuses joins a reviewer split or that differing registered numbers forbid.
/// </summary>
/// <remarks>Cost is near-linear: exact rules are hash look-ups and the similarity pass only compares names that share
/// a rare word (a token used by at most <see cref="SupplierResolverOptions.MaxBlockSize"/> names).</remarks>
public static class SupplierResolver
{

    private static readonly HashSet<string> s_stopWords = new(["OF", "FOR", "THE", "IN", "AT", "DE", "LA", "LE"], StringComparer.Ordinal);

    private static readonly HashSet<string> s_accountWords = new(
        ["ACCOUNT", "ACC", "ACCS", "ACCOUNTS", "ACS", "PAYMENTS", "PAYMENT", "ONLY", "INVOICES", "FINANCE", "TREAS", "TREASURY",
         "CLIENT", "NEW", "HEAD", "HQ", "ELEC", "ELECTRICITY", "GAS", "RATES", "TAX", "CTAX", "BILL", "BILLS", "CREDITS", "POSTAGE",
         "GEN", "GENERAL", "PREVIOUSLY", "FORMERLY", "OLD", "REMITTANCE", "BACS", "REFUNDS", "FEES", "PAYROLL", "PENSIONS"],
        StringComparer.Ordinal);

    /// <summary>The entry a partner's line belongs to.</summary>
    public static SupplierEntry EntryOf(PartnerTransaction line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new SupplierEntry(line.Agency, line.Line.Supplier?.Trim() ?? string.Empty, NullIfBlank(line.Line.SupplierId));
    }

    /// <summary>Resolves the suppliers of partners' lines; the display name of a cluster is its most used spelling.</summary>
    public static SupplierResolution Resolve(
        IEnumerable<PartnerTransaction> lines,
        IEnumerable<SupplierDecision>? decisions = null,
        SupplierResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var counts = new Dictionary<SupplierEntry, int>();
        foreach (var line in lines)
        {
            var entry = EntryOf(line);
            counts[entry] = counts.GetValueOrDefault(entry) + 1;
        }

        return Resolve(counts, decisions, options);
    }

    /// <summary>Resolves distinct supplier entries (each counted once).</summary>
    public static SupplierResolution Resolve(
        IEnumerable<SupplierEntry> entries,
        IEnumerable<SupplierDecision>? decisions = null,
        SupplierResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var counts = new Dictionary<SupplierEntry, int>();
        foreach (var entry in entries)
        {
            counts[entry] = counts.GetValueOrDefault(entry) + 1;
        }

        return Resolve(counts, decisions, options);
    }

    private static SupplierResolution Resolve(
        Dictionary<SupplierEntry, int> counts,
        IEnumerable<SupplierDecision>? decisions,
        SupplierResolverOptions? options)
    {
        options ??= SupplierResolverOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SimilarityThreshold, 0.5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.SimilarityThreshold, 1.0);

        var entries = new List<SupplierEntry>();
        var names = new List<NormalisedSupplierName>();
        var ids = new List<SupplierIdentifier?>();
        var excluded = new List<ExcludedSupplier>();
        foreach (var entry in counts.Keys.OrderBy(e => e.Agency, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.SupplierId, StringComparer.Ordinal))
        {
            var name = SupplierNameNormaliser.Normalise(entry.Name);
            if (name.Kind != SupplierEntryKind.Organisation)
            {
                excluded.Add(new ExcludedSupplier(entry, name.Kind));
                continue;
            }

            entries.Add(entry);
            names.Add(name);
            ids.Add(SupplierIdentifier.Parse(entry.SupplierId));
        }

        var uf = new ConstrainedUnionFind(entries.Count);
        var links = new List<SupplierLink>();
        var refused = new List<SupplierLink>();

        for (var i = 0; i < entries.Count; i++)
        {
            if (ids[i] is { IsRegistered: true } registered)
            {
                uf.SetNumber(i, registered.Value);
            }
        }

        ApplySplits(decisions, entries, uf);

        void Join(int a, int b, SupplierLinkRule rule, double score, string why)
        {
            if (uf.Find(a) == uf.Find(b))
            {
                return;
            }

            var link = new SupplierLink(entries[a], entries[b], rule, score, why);
            if (uf.Union(a, b))
            {
                links.Add(link);
            }
            else
            {
                refused.Add(link);
            }
        }

        ApplyMerges(decisions, entries, Join);
        JoinByIdentifiers(entries, ids, names, Join);
        var representatives = JoinByName(entries, names, Join);
        JoinBySimilarity(representatives, options, Join);

        return Build(entries, counts, names, ids, uf, links, refused, excluded);
    }

    private static void ApplySplits(IEnumerable<SupplierDecision>? decisions, List<SupplierEntry> entries, ConstrainedUnionFind uf)
    {
        if (decisions is null)
        {
            return;
        }

        var byName = IndexByName(entries);
        var token = 0;
        foreach (var d in decisions.Where(d => d.Kind == SupplierDecisionKind.Split))
        {
            token++;
            foreach (var a in byName.GetValueOrDefault(Clean(d.NameA)) ?? [])
            {
                uf.Forbid(a, token);
            }

            foreach (var b in byName.GetValueOrDefault(Clean(d.NameB)) ?? [])
            {
                uf.Forbid(b, -token);
            }
        }
    }

    private static void ApplyMerges(IEnumerable<SupplierDecision>? decisions, List<SupplierEntry> entries, Action<int, int, SupplierLinkRule, double, string> join)
    {
        if (decisions is null)
        {
            return;
        }

        var byName = IndexByName(entries);
        foreach (var d in decisions.Where(d => d.Kind == SupplierDecisionKind.Merge))
        {
            var all = (byName.GetValueOrDefault(Clean(d.NameA)) ?? []).Concat(byName.GetValueOrDefault(Clean(d.NameB)) ?? []).ToList();
            for (var k = 1; k < all.Count; k++)
            {
                join(all[0], all[k], SupplierLinkRule.UserMerge, 1, "merged by a reviewer" + (d.Note is null ? string.Empty : ": " + d.Note));
            }
        }
    }

    private static void JoinByIdentifiers(List<SupplierEntry> entries, List<SupplierIdentifier?> ids, List<NormalisedSupplierName> names, Action<int, int, SupplierLinkRule, double, string> join)
    {
        var firstById = new Dictionary<(string Scope, string Id), int>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (ids[i] is not { } id)
            {
                continue;
            }

            var scope = id.IsRegistered ? string.Empty : entries[i].Agency;
            if (firstById.TryGetValue((scope, id.Value), out var first))
            {
                join(first, i, id.IsRegistered ? SupplierLinkRule.SameRegisteredNumber : SupplierLinkRule.SameVendorNumber, 1,
                    id.IsRegistered ? $"same registered number {id.Value}" : $"same vendor number {id.Value} at {entries[i].Agency}");
            }
            else
            {
                firstById[(scope, id.Value)] = i;
            }
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (names[i].RedirectId is { } target && firstById.TryGetValue((entries[i].Agency, target), out var to))
            {
                join(i, to, SupplierLinkRule.VendorRedirect, 1, $"the name says to use vendor {target} at {entries[i].Agency}");
            }
        }
    }

    /// <summary>Joins equal names; returns one representative entry per key that may take part in similarity matching.</summary>
    private static List<(string Key, int Entry, bool SiteQualified)> JoinByName(List<SupplierEntry> entries, List<NormalisedSupplierName> names, Action<int, int, SupplierLinkRule, double, string> join)
    {
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (!byKey.TryGetValue(names[i].Key, out var list))
            {
                byKey[names[i].Key] = list = [];
            }

            list.Add(i);
        }

        var representatives = new List<(string, int, bool)>(byKey.Count);
        foreach (var (key, members) in byKey)
        {
            var byQualifier = members.GroupBy(m => names[m].Qualifier, StringComparer.Ordinal).ToList();
            foreach (var group in byQualifier)
            {
                var first = group.First();
                foreach (var other in group.Skip(1))
                {
                    join(first, other, SupplierLinkRule.SameName, 1, $"same name \"{key}\"" + (group.Key.Length > 0 ? $" ({group.Key})" : string.Empty));
                }
            }

            // Bare names and account qualifiers ("(GEN A/C)", "(SP PMTS)", "(FINANCE)") are one body. A site qualifier
            // ("(HONITON)", "(KCS)") joins a bare name of two or more words, but two different sites never join each
            // other directly: "NURSERY (HONITON)" and "NURSERY (WHIPTON)" may be different settings.
            var accountLike = byQualifier.Where(g => g.Key.Length == 0 || IsAccountQualifier(g.Key)).ToList();
            var anchor = accountLike.FirstOrDefault(g => g.Key.Length == 0) ?? accountLike.FirstOrDefault();
            if (anchor is not null)
            {
                foreach (var other in accountLike.Where(g => !ReferenceEquals(g, anchor)))
                {
                    join(anchor.First(), other.First(), SupplierLinkRule.SameNameWithQualifier, 1,
                        $"same name \"{key}\"; \"{other.Key}\" read as an account qualifier");
                }

                if (anchor.Key.Length == 0 && key.Contains(' ', StringComparison.Ordinal))
                {
                    foreach (var site in byQualifier.Where(g => !accountLike.Contains(g)))
                    {
                        join(anchor.First(), site.First(), SupplierLinkRule.SameNameWithQualifier, 1,
                            $"same name \"{key}\"; \"{site.Key}\" read as a part of the same body");
                    }
                }

                representatives.Add((key, anchor.First(), false));
            }
            else if (byQualifier.Count == 1)
            {
                representatives.Add((key, members[0], true));
            }
        }

        // Trading names: "X T/A Y" is the same body as a supplier published as "Y".
        for (var i = 0; i < entries.Count; i++)
        {
            if (names[i].TradingName.Length > 0 && byKey.TryGetValue(names[i].TradingName, out var traders))
            {
                join(i, traders[0], SupplierLinkRule.TradingName, 1, $"\"{names[i].TradingName}\" is the trading name of \"{names[i].Key}\"");
            }
        }

        return representatives;
    }

    private static void JoinBySimilarity(List<(string Key, int Entry, bool SiteQualified)> reps, SupplierResolverOptions options, Action<int, int, SupplierLinkRule, double, string> join)
    {
        // Everything a pair needs is computed once per name here, so the pair loop below compares integers and reads
        // arrays: with names that share their first words (blocks of a hundred or more) it scores millions of pairs.
        var n = reps.Count;
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokenText = new List<string>();
        var df = new List<int>();
        var tokens = new int[n][];
        for (var i = 0; i < n; i++)
        {
            var distinct = reps[i].Key.Split(' ').Distinct(StringComparer.Ordinal).ToArray();
            var ids = new int[distinct.Length];
            for (var k = 0; k < distinct.Length; k++)
            {
                if (!tokenIds.TryGetValue(distinct[k], out var id))
                {
                    tokenIds[distinct[k]] = id = tokenText.Count;
                    tokenText.Add(distinct[k]);
                    df.Add(0);
                }

                df[id]++;
                ids[k] = id;
            }

            tokens[i] = ids;
        }

        var text = tokenText.ToArray();
        var weight = new double[text.Length];
        for (var t = 0; t < weight.Length; t++)
        {
            weight[t] = Math.Log(1.0 + ((double)n / df[t]));
        }

        var blockIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var blocks = new List<List<int>>();
        var blocksOf = new List<int>[n];
        var wordsOutsideStopList = new int[n];
        var weightSum = new double[n];
        for (var i = 0; i < n; i++)
        {
            blocksOf[i] = new List<int>(4);
            var byRarity = tokens[i].OrderBy(t => df[t]).ThenBy(t => text[t], StringComparer.Ordinal).ToArray();
            foreach (var t in byRarity.Where(t => df[t] <= options.MaxBlockSize).Take(2))
            {
                AddToBlock(text[t], i);
            }

            var words = reps[i].Key.Split(' ');
            wordsOutsideStopList[i] = words.Count(w => !s_stopWords.Contains(w));
            weightSum[i] = tokens[i].Sum(t => weight[t]);

            // A name extended or cut short shares its first two words with the other.
            if (tokens[i].Length >= 2)
            {
                AddToBlock("^" + words[0] + " " + words[1], i);
            }

            // A typo in the rarest word still shares its first four letters with the right spelling.
            var rarest = text[byRarity[0]];
            if (rarest.Length >= options.TypoMinLength)
            {
                AddToBlock("~" + rarest[..4], i);
            }
        }

        bool Usable(int block) => blocks[block].Count >= 2 && blocks[block].Count <= options.MaxBlockSize;

        for (var blockId = 0; blockId < blocks.Count; blockId++)
        {
            if (!Usable(blockId))
            {
                continue;
            }

            var block = blocks[blockId];
            for (var x = 0; x < block.Count; x++)
            {
                for (var y = x + 1; y < block.Count; y++)
                {
                    var (a, b) = block[x] < block[y] ? (block[x], block[y]) : (block[y], block[x]);
                    if (SharesEarlierBlock(a, b, blockId))
                    {
                        continue; // compared in the first usable block the two names share
                    }

                    if (tokens[a].Length < 2 || tokens[b].Length < 2)
                    {
                        continue; // one-word names ("NORMAN", "NORMANS") carry too little to judge by spelling
                    }

                    if (!reps[a].SiteQualified && !reps[b].SiteQualified && ExtendsWholeName(reps[a].Key, reps[b].Key, wordsOutsideStopList[a], wordsOutsideStopList[b]))
                    {
                        join(reps[a].Entry, reps[b].Entry, SupplierLinkRule.SimilarName, 0.95,
                            $"\"{Longer(reps[a].Key, reps[b].Key)}\" begins with the whole of \"{Shorter(reps[a].Key, reps[b].Key)}\" (a name of three or more words, extended or cut short)");
                        continue;
                    }

                    var score = Similarity(tokens[a], tokens[b], text, weight, weightSum[a] + weightSum[b], options.SimilarityThreshold, options.TypoMinLength);
                    if (score >= options.SimilarityThreshold)
                    {
                        join(reps[a].Entry, reps[b].Entry, SupplierLinkRule.SimilarName, score,
                            string.Create(CultureInfo.InvariantCulture, $"similar names \"{reps[a].Key}\" and \"{reps[b].Key}\" (score {score:0.00})"));
                    }
                }
            }
        }

        void AddToBlock(string key, int rep)
        {
            if (!blockIds.TryGetValue(key, out var id))
            {
                blockIds[key] = id = blocks.Count;
                blocks.Add([]);
            }

            blocks[id].Add(rep);
            blocksOf[rep].Add(id);
        }

        // Each name sits in at most four blocks, so this replaces a set of every pair already compared (millions of
        // entries) with a few integer comparisons, and keeps the order in which pairs are first met.
        bool SharesEarlierBlock(int a, int b, int current)
        {
            foreach (var earlier in blocksOf[a])
            {
                if (earlier < current && blocksOf[b].Contains(earlier) && Usable(earlier))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Weighted soft token agreement: each word counts by its rarity and scores 1 when the other name has it, 0.9 when
    /// the other has it with one typo (words of <paramref name="typoMinLength"/> letters or more) or cut short at the end
    /// of the name, and 0 otherwise; the score is the weighted mean over the words of both names.
    /// </summary>
    /// <remarks>Tokens are ids into <paramref name="text"/> and <paramref name="weight"/>. Stops early, returning 0,
    /// once the words left cannot lift the score to <paramref name="threshold"/> (<paramref name="totalWeight"/> is
    /// the sum of both names' weights; a small margin keeps rounding from ever rejecting a pair that would pass).</remarks>
    internal static double Similarity(int[] a, int[] b, string[] text, double[] weight, double totalWeight, double threshold, int typoMinLength)
    {
        double matched = 0, total = 0;
        var needed = (threshold * totalWeight) - (1e-9 * totalWeight);
        var lost = 0.0;
        if (!Accumulate(a, b, ref matched, ref total, ref lost) || !Accumulate(b, a, ref matched, ref total, ref lost))
        {
            return 0;
        }

        return total == 0 ? 0 : matched / total;

        bool Accumulate(int[] from, int[] to, ref double m, ref double t, ref double l)
        {
            for (var i = 0; i < from.Length; i++)
            {
                var w = weight[from[i]];
                t += w;
                var best = 0.0;
                foreach (var other in to)
                {
                    best = Math.Max(best, other == from[i] ? 1 : TokenMatch(text[from[i]], text[other], i == from.Length - 1, typoMinLength));
                    if (best >= 1)
                    {
                        break;
                    }
                }

                m += w * best;
                l += w * (1 - best);
                if (totalWeight - l < needed)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>True when the shorter key has three or more words (outside the stop list) and the longer key starts
    /// with all of them; the word counts are the keys' own, computed once per name.</summary>
    private static bool ExtendsWholeName(string a, string b, int wordsOfA, int wordsOfB)
    {
        var (shorter, longer, words) = a.Length <= b.Length ? (a, b, wordsOfA) : (b, a, wordsOfB);
        return shorter.Length < longer.Length
            && words >= 3
            && longer[shorter.Length] == ' '
            && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    /// <summary>True when a bracketed qualifier names an account or ledger rather than a site ("GEN ACCOUNT", "SP PAYMENTS", "FINANCE").</summary>
    internal static bool IsAccountQualifier(string qualifier) => qualifier.Split(' ').Any(s_accountWords.Contains);

    private static string Longer(string a, string b) => a.Length >= b.Length ? a : b;

    private static string Shorter(string a, string b) => a.Length >= b.Length ? b : a;

    private static double TokenMatch(string a, string b, bool aIsLast, int typoMinLength)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }

        if (aIsLast && a.Length >= 3 && b.Length > a.Length && b.StartsWith(a, StringComparison.Ordinal))
        {
            return 0.9; // the name was cut short by a fixed-width field
        }

        if (IsPlural(a, b) || IsPlural(b, a))
        {
            return 0.95;
        }

        if (a.Length >= typoMinLength && b.Length >= typoMinLength && Math.Abs(a.Length - b.Length) <= 1
            && a[0] == b[0] && WithinOneEdit(a, b))
        {
            return 0.9;
        }

        return 0;
    }

    /// <summary>Whether two words differ by at most one edit or one swap of neighbours (Damerau distance at most 1),
    /// decided exactly in linear time.</summary>
    private static bool WithinOneEdit(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length || i == b.Length)
        {
            return Math.Abs(a.Length - b.Length) <= 1;
        }

        var sa = a.AsSpan(i);
        var sb = b.AsSpan(i);
        return sa[1..].SequenceEqual(sb[1..])                                        // substitution
            || sa.SequenceEqual(sb[1..]) || sa[1..].SequenceEqual(sb)                 // insertion or deletion
            || (sa.Length >= 2 && sb.Length >= 2 && sa[0] == sb[1] && sa[1] == sb[0] && sa[2..].SequenceEqual(sb[2..])); // swap
    }

    private static bool IsPlural(string plural, string singular) =>
        singular.Length >= 4
        && ((plural.Length == singular.Length + 1 && plural[^1] == 'S' && plural.StartsWith(singular, StringComparison.Ordinal))
            || (singular[^1] == 'Y' && plural.Length == singular.Length + 2 && plural.EndsWith("IES", StringComparison.Ordinal)
                && plural.AsSpan(0, singular.Length - 1).SequenceEqual(singular.AsSpan(0, singular.Length - 1))));

    private static SupplierResolution Build(
        List<SupplierEntry> entries,
        Dictionary<SupplierEntry, int> counts,
        List<NormalisedSupplierName> names,
        List<SupplierIdentifier?> ids,
        ConstrainedUnionFind uf,
        List<SupplierLink> links,
        List<SupplierLink> refused,
        List<ExcludedSupplier> excluded)
    {
        var index = new Dictionary<SupplierEntry, int>();
        for (var i = 0; i < entries.Count; i++)
        {
            index[entries[i]] = i;
        }

        var linksByRoot = links.GroupBy(l => uf.Find(index[l.From])).ToDictionary(g => g.Key, g => g.ToList());
        var clusters = new List<SupplierCluster>();
        var usedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in Enumerable.Range(0, entries.Count).GroupBy(uf.Find).OrderBy(g => g.Min()))
        {
            var members = group.ToList();
            var key = members.Select(m => names[m].Qualifier.Length == 0 ? names[m].Key : $"{names[m].Key} ({names[m].Qualifier})").Min(StringComparer.Ordinal)!;
            for (var n = 2; !usedKeys.Add(key); n++)
            {
                key = $"{members.Select(m => names[m].Key).Min(StringComparer.Ordinal)} #{n}";
            }

            var display = members
                .GroupBy(m => entries[m].Name, StringComparer.Ordinal)
                .OrderByDescending(g => g.Sum(m => counts[entries[m]]))
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().Key;
            var number = members.Select(m => ids[m]).FirstOrDefault(i => i is { IsRegistered: true })?.Value;
            clusters.Add(new SupplierCluster(key, display, [.. members.Select(m => entries[m])], linksByRoot.GetValueOrDefault(group.Key) ?? [], number));
        }

        clusters.Sort((x, y) => y.Members.Count != x.Members.Count ? y.Members.Count.CompareTo(x.Members.Count) : string.CompareOrdinal(x.Key, y.Key));
        return new SupplierResolution(clusters, excluded, refused);
    }

    private static Dictionary<string, List<int>> IndexByName(List<SupplierEntry> entries)
    {
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            AddTo(byName, Clean(entries[i].Name), i);
        }

        return byName;
    }

    private static void AddTo(Dictionary<string, List<int>> map, string key, int value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    private static string Clean(string name) => name.Trim().ToUpperInvariant();

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
