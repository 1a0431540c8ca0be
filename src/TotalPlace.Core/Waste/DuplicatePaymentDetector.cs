using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using F23.StringSimilarity;

namespace TotalPlace.Core.Waste;

/// <summary>
/// Finds payments that look like one bill paid twice, within and across partners: the same resolved supplier, the same
/// or a near amount, the same or a similar reference, and dates within a window. Each pair is scored with its reasons.
/// </summary>
/// <remarks>
/// <para>A credit note that cancels a payment (the same supplier and amount, negative, within the window) removes that
/// payment from consideration, so a payment reissued after a credit is not reported.</para>
/// <para>Recurring payments (three or more equal payments from one partner at a weekly, fortnightly, four-weekly,
/// monthly or quarterly rhythm, such as rent) are not paired with each other unless they share a reference within a week.</para>
/// <para>Cost: one sort of the lines by supplier, amount and date, then a scan bounded by
/// <see cref="DuplicatePaymentOptions.MaxComparisonsPerPayment"/> per payment.</para>
/// </remarks>
public static class DuplicatePaymentDetector
{
    private static readonly Damerau s_damerau = new();
    private static readonly CultureInfo s_enGb = CultureInfo.GetCultureInfo("en-GB");

    private readonly record struct Line(int Supplier, long AbsPence, int Day, int Index, bool Negative);

    /// <summary>Detects duplicate payments among the lines, using the resolution's clusters as suppliers.</summary>
    public static IReadOnlyList<DuplicatePayment> Detect(
        IReadOnlyList<PartnerTransaction> lines,
        SupplierResolution resolution,
        DuplicatePaymentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(resolution);
        options ??= DuplicatePaymentOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(options.WindowDays);

        var supplierIds = new Dictionary<SupplierCluster, int>(ReferenceEqualityComparer.Instance);
        var clusters = new List<SupplierCluster>();
        var work = new List<Line>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var amount = lines[i].Line.Amount;
            if (amount == 0m || resolution.ClusterOf(lines[i]) is not { } cluster)
            {
                continue; // redacted, personal and missing suppliers cannot be told apart, so they are never paired
            }

            if (!supplierIds.TryGetValue(cluster, out var sid))
            {
                supplierIds[cluster] = sid = clusters.Count;
                clusters.Add(cluster);
            }

            var pence = (long)Math.Round(Math.Abs(amount) * 100m, MidpointRounding.AwayFromZero);
            work.Add(new Line(sid, pence, lines[i].Line.Date.DayNumber, i, amount < 0m));
        }

        var sorted = work.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var c = a.Supplier.CompareTo(b.Supplier);
            if (c == 0) { c = a.AbsPence.CompareTo(b.AbsPence); }
            if (c == 0) { c = a.Day.CompareTo(b.Day); }
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });

        var found = new List<DuplicatePayment>();
        var start = 0;
        while (start < sorted.Length)
        {
            var end = start;
            while (end < sorted.Length && sorted[end].Supplier == sorted[start].Supplier)
            {
                end++;
            }

            ScanSupplier(sorted.AsSpan(start, end - start), lines, clusters[sorted[start].Supplier], options, found);
            start = end;
        }

        found.Sort((a, b) => b.AmountAtStake != a.AmountAtStake ? b.AmountAtStake.CompareTo(a.AmountAtStake) : b.Score.CompareTo(a.Score));
        return found;
    }

    private static void ScanSupplier(ReadOnlySpan<Line> segment, IReadOnlyList<PartnerTransaction> lines, SupplierCluster cluster, DuplicatePaymentOptions options, List<DuplicatePayment> found)
    {
        // Positives only, after credits have cancelled the payments they reverse.
        var cancelled = CancelByCredits(segment, options.WindowDays);
        var positives = new List<Line>(segment.Length);
        foreach (var line in segment)
        {
            if (!line.Negative && !cancelled.Contains(line.Index))
            {
                positives.Add(line);
            }
        }

        var recurring = FindRecurring(positives, lines);
        for (var i = 0; i < positives.Count; i++)
        {
            var a = positives[i];
            var nearPence = Math.Max((long)(options.NearAmountPounds * 100m), (long)(a.AbsPence * options.NearAmountFraction));
            var compared = 0;
            for (var j = i + 1; j < positives.Count && compared < options.MaxComparisonsPerPayment; j++)
            {
                var b = positives[j];
                if (b.AbsPence - a.AbsPence > nearPence)
                {
                    break;
                }

                if (Math.Abs(b.Day - a.Day) > options.WindowDays)
                {
                    if (b.AbsPence == a.AbsPence)
                    {
                        // Same amount, sorted by date: every later one is further away; jump to the next amount.
                        while (j + 1 < positives.Count && positives[j + 1].AbsPence == a.AbsPence)
                        {
                            j++;
                        }
                    }

                    continue;
                }

                compared++;
                var pair = Score(lines[a.Index], lines[b.Index], a.AbsPence == b.AbsPence, recurring.Contains(a.Index) && recurring.Contains(b.Index), options);
                if (pair is { } p)
                {
                    var (first, second) = lines[a.Index].Line.Date <= lines[b.Index].Line.Date ? (lines[a.Index], lines[b.Index]) : (lines[b.Index], lines[a.Index]);
                    found.Add(new DuplicatePayment(
                        KeyOf(first, second), first, second, cluster.Key, cluster.Name,
                        Math.Min(Math.Abs(first.Line.Amount), Math.Abs(second.Line.Amount)), p.Score, p.Reasons));
                }
            }
        }
    }

    private static HashSet<int> CancelByCredits(ReadOnlySpan<Line> segment, int window)
    {
        var cancelled = new HashSet<int>();
        var s = 0;
        while (s < segment.Length)
        {
            var e = s;
            while (e < segment.Length && segment[e].AbsPence == segment[s].AbsPence)
            {
                e++;
            }

            var run = segment[s..e];
            foreach (var credit in run)
            {
                if (!credit.Negative)
                {
                    continue;
                }

                // The credit reverses the latest payment on or before it, else the earliest after it, within the window.
                var best = -1;
                foreach (var pay in run)
                {
                    if (pay.Negative || cancelled.Contains(pay.Index) || Math.Abs(pay.Day - credit.Day) > window)
                    {
                        continue;
                    }

                    if (best < 0)
                    {
                        best = pay.Index;
                        continue;
                    }

                    var current = Find(run, best);
                    var payBefore = pay.Day <= credit.Day;
                    var bestBefore = current.Day <= credit.Day;
                    if ((payBefore && (!bestBefore || pay.Day > current.Day)) || (!payBefore && !bestBefore && pay.Day < current.Day))
                    {
                        best = pay.Index;
                    }
                }

                if (best >= 0)
                {
                    cancelled.Add(best);
                }
            }

            s = e;
        }

        return cancelled;
    }

    private static Line Find(ReadOnlySpan<Line> run, int index)
    {
        foreach (var l in run)
        {
            if (l.Index == index)
            {
                return l;
            }
        }

        throw new InvalidOperationException("The line is not in the run.");
    }

    /// <summary>Lines that belong to a regular series of equal payments by one partner (rent, contract instalments).</summary>
    private static HashSet<int> FindRecurring(List<Line> positives, IReadOnlyList<PartnerTransaction> lines)
    {
        var recurring = new HashSet<int>();
        var s = 0;
        while (s < positives.Count)
        {
            var e = s;
            while (e < positives.Count && positives[e].AbsPence == positives[s].AbsPence)
            {
                e++;
            }

            if (e - s >= 3)
            {
                foreach (var series in positives.GetRange(s, e - s).GroupBy(l => lines[l.Index].Agency, StringComparer.Ordinal))
                {
                    var days = series.OrderBy(l => l.Day).ToList();
                    if (days.Count < 3)
                    {
                        continue;
                    }

                    var gaps = days.Zip(days.Skip(1), (x, y) => y.Day - x.Day).ToList();
                    var regular = gaps.Count(IsCadence);
                    if (regular * 3 >= gaps.Count * 2)
                    {
                        recurring.UnionWith(days.Select(d => d.Index));
                    }
                }
            }

            s = e;
        }

        return recurring;
    }

    private static bool IsCadence(int gap) =>
        gap is (>= 6 and <= 8) or (>= 13 and <= 15) or (>= 26 and <= 33) or (>= 85 and <= 95);

    private static (double Score, IReadOnlyList<string> Reasons)? Score(PartnerTransaction a, PartnerTransaction b, bool sameAmount, bool recurring, DuplicatePaymentOptions options)
    {
        var reasons = new List<string>();
        var score = 0.0;
        if (sameAmount)
        {
            score += 0.35;
            reasons.Add($"same amount {Format(a.Line.Amount)}");
        }
        else
        {
            score += 0.15;
            reasons.Add($"amounts {Format(a.Line.Amount)} and {Format(b.Line.Amount)} differ by {Format(Math.Abs(Math.Abs(a.Line.Amount) - Math.Abs(b.Line.Amount)))}");
        }

        var refA = NormaliseReference(a.Line.Reference);
        var refB = NormaliseReference(b.Line.Reference);
        var refScore = 0.0;
        if (refA.Length > 0 && refB.Length > 0)
        {
            if (refA == refB)
            {
                refScore = 0.45;
                reasons.Add($"same reference '{a.Line.Reference}'");
            }
            else if (IsTransposition(refA, refB))
            {
                refScore = 0.35;
                reasons.Add($"references '{a.Line.Reference}' and '{b.Line.Reference}' differ by two swapped characters");
            }
            else if (AreConsecutive(refA, refB))
            {
                // Keyed twice in a row: the ledger gave the second entry the next number.
                refScore = 0.25;
                reasons.Add($"consecutive references '{a.Line.Reference}' and '{b.Line.Reference}'");
            }
            else if (Math.Min(refA.Length, refB.Length) >= 4 && s_damerau.Distance(refA, refB) <= 1)
            {
                refScore = 0.3;
                reasons.Add($"references '{a.Line.Reference}' and '{b.Line.Reference}' are one character apart");
            }
        }
        else if (refA.Length == 0 && refB.Length == 0)
        {
            refScore = 0.05;
            reasons.Add("neither line has a reference to tell them apart");
        }

        if (!sameAmount && refScore < 0.3)
        {
            return null; // a near amount alone is ordinary; it needs a matching reference to count
        }

        score += refScore;
        var gap = Math.Abs(b.Line.Date.DayNumber - a.Line.Date.DayNumber);
        // A regular series of equal payments (monthly rent) is not a duplicate, even when every instalment quotes the
        // same lease number; only two instalments within a week with matching references still count.
        if (recurring && gap >= 6 && (refScore < 0.3 || gap > 7))
        {
            return null;
        }

        score += gap switch
        {
            0 => 0.25,
            <= 3 => 0.2,
            <= 7 => 0.15,
            <= 14 => 0.1,
            <= 30 => 0.05,
            _ => 0,
        };
        reasons.Add(gap == 0 ? "paid the same day" : $"paid {gap} days apart");

        if (!string.Equals(a.Agency, b.Agency, StringComparison.Ordinal))
        {
            reasons.Add($"paid by two partners: {a.Agency} and {b.Agency}");
        }

        return score + 1e-9 >= options.Threshold ? (Math.Round(Math.Min(score, 1.0), 2), reasons) : null;
    }

    /// <summary>A reference as compared: upper case, letters and digits only, no leading zeros ("inv-0123" becomes "INV0123", "00123" becomes "123").</summary>
    internal static string NormaliseReference(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(reference.Length);
        foreach (var c in reference)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        var s = sb.ToString().TrimStart('0');
        return s is "NA" or "NONE" or "NIL" or "REDACTEDUNDERDPACT" || s.Contains("REDACTED", StringComparison.Ordinal) ? string.Empty : s;
    }

    /// <summary>True when the references share a prefix and end in numbers one apart ("DFE3300174", "DFE3300175").</summary>
    internal static bool AreConsecutive(string a, string b)
    {
        if (a.Length != b.Length || a.Length < 3)
        {
            return false;
        }

        var digits = 0;
        while (digits < a.Length && char.IsAsciiDigit(a[^(digits + 1)]) && char.IsAsciiDigit(b[^(digits + 1)]))
        {
            digits++;
        }

        digits = Math.Min(digits, 18);
        return digits > 0
            && a.AsSpan(0, a.Length - digits).SequenceEqual(b.AsSpan(0, b.Length - digits))
            && long.TryParse(a.AsSpan(a.Length - digits), out var x) && long.TryParse(b.AsSpan(b.Length - digits), out var y)
            && Math.Abs(x - y) == 1;
    }

    /// <summary>True when the two strings are equal but for two adjacent characters swapped ("12345" and "12354").</summary>
    internal static bool IsTransposition(string a, string b)
    {
        if (a.Length != b.Length || a.Length < 2)
        {
            return false;
        }

        var first = -1;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                first = i;
                break;
            }
        }

        return first >= 0 && first + 1 < a.Length
            && a[first] == b[first + 1] && a[first + 1] == b[first]
            && a.AsSpan(first + 2).SequenceEqual(b.AsSpan(first + 2));
    }

    private static string Format(decimal pounds) => pounds.ToString("C2", s_enGb);

    private static string KeyOf(PartnerTransaction a, PartnerTransaction b)
    {
        var fa = Fingerprint(a);
        var fb = Fingerprint(b);
        var text = string.CompareOrdinal(fa, fb) <= 0 ? fa + "\n" + fb : fb + "\n" + fa;
        return "dup:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static string Fingerprint(PartnerTransaction t) => string.Join('|',
        t.Agency, t.Line.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.Line.Amount.ToString(CultureInfo.InvariantCulture),
        t.Line.Reference ?? string.Empty, t.Line.Supplier ?? string.Empty, t.Line.SourceRow.ToString(CultureInfo.InvariantCulture));
}
