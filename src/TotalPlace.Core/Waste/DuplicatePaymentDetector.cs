using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TotalPlace.Core.Waste;

/// <summary>
/// Finds payments that look like one bill paid twice, within and across partners. A bill is known by the supplier's
/// invoice number: the same invoice (after normalising case, punctuation and leading zeros), or one with two characters
/// swapped or one character wrong, paid to the same resolved supplier is the evidence; the amount and the days between
/// the payments support it. Transaction numbers are never evidence: every payment gets its own.
/// </summary>
/// <remarks>
/// <para>Two payments whose invoice numbers are both published and differ are never paired, however alike the amounts
/// and dates. Where a line has no invoice number, an equal amount to the same supplier within a fortnight is weak
/// evidence: it reaches the default threshold only when the amount is distinctive (pence, and paid to that supplier
/// only twice) and the payments are one to three days apart.</para>
/// <para>A credit note that cancels a payment (the same supplier and amount, negative, within the window) removes that
/// payment from consideration, so a payment reissued after a credit is not reported.</para>
/// <para>Recurring payments (three or more equal payments from one partner at a weekly, fortnightly, four-weekly,
/// monthly or quarterly rhythm, such as rent) are not paired with each other unless they share an invoice number
/// within a week.</para>
/// <para>Cost: one sort of the lines by supplier, amount and date, then a scan bounded by
/// <see cref="DuplicatePaymentOptions.MaxComparisonsPerPayment"/> per payment.</para>
/// </remarks>
public static class DuplicatePaymentDetector
{
    private static readonly System.Buffers.SearchValues<char> s_plainReference = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

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

        found.Sort((a, b) => b.AmountAtStake != a.AmountAtStake ? b.AmountAtStake.CompareTo(a.AmountAtStake)
            : b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Key, b.Key));
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
        var refs = new string[positives.Count];
        var sameAmountCount = new int[positives.Count];
        for (var i = 0; i < refs.Length; i++)
        {
            refs[i] = NormaliseReference(lines[positives[i].Index].Line.InvoiceNumber);
        }

        CountEqualAmounts(positives, sameAmountCount);

        // Equal amounts first, as before: each payment against the later payments of the same amount within the
        // window, nearest in date first (the list is sorted by amount, then date).
        for (var i = 0; i < positives.Count; i++)
        {
            var compared = 0;
            for (var j = i + 1; j < positives.Count && compared < options.MaxComparisonsPerPayment
                && positives[j].AbsPence == positives[i].AbsPence && positives[j].Day - positives[i].Day <= options.WindowDays; j++)
            {
                compared++;
                Emit(i, j);
            }
        }

        // Near but unequal amounts count only with a similar reference. Two such amounts lie in the same or adjacent
        // amount bands; within a band the payments are in date order, so the ones within the window are one
        // contiguous run found by binary search: the cost per payment is the number of payments of similar amount
        // within the window, not the supplier's whole ledger.
        var bands = new AmountBands(options);
        var banded = new (long Band, int Day, int Pos)[positives.Count];
        for (var i = 0; i < banded.Length; i++)
        {
            banded[i] = (bands.Of(positives[i].AbsPence), positives[i].Day, i);
        }

        Array.Sort(banded);
        var runStart = 0;
        while (runStart < banded.Length)
        {
            var runEnd = runStart;
            while (runEnd < banded.Length && banded[runEnd].Band == banded[runStart].Band)
            {
                runEnd++;
            }

            var nextEnd = runEnd;
            while (nextEnd < banded.Length && banded[nextEnd].Band == banded[runStart].Band + 1)
            {
                nextEnd++;
            }

            for (var i = runStart; i < runEnd; i++)
            {
                var compared = 0;
                var day = banded[i].Day;
                for (var j = i + 1; j < runEnd && compared < options.MaxComparisonsPerPayment && banded[j].Day - day <= options.WindowDays; j++)
                {
                    ConsiderNear(banded[i].Pos, banded[j].Pos, ref compared);
                }

                var from = LowerBound(banded, runEnd, nextEnd, day - options.WindowDays);
                for (var j = from; j < nextEnd && compared < options.MaxComparisonsPerPayment && banded[j].Day - day <= options.WindowDays; j++)
                {
                    ConsiderNear(banded[i].Pos, banded[j].Pos, ref compared);
                }
            }

            runStart = runEnd;
        }

        void ConsiderNear(int x, int y, ref int compared)
        {
            var (lo, hi) = positives[x].AbsPence <= positives[y].AbsPence ? (x, y) : (y, x);
            var difference = positives[hi].AbsPence - positives[lo].AbsPence;
            if (difference == 0 || difference > NearPence(positives[lo].AbsPence, options) || !MayBeSimilar(refs[lo], refs[hi]))
            {
                return;
            }

            compared++;
            Emit(lo, hi);
        }

        void Emit(int x, int y)
        {
            var (a, b) = (positives[x], positives[y]);
            var pair = Score(lines[a.Index], lines[b.Index], refs[x], refs[y], a.AbsPence == b.AbsPence, recurring.Contains(a.Index) && recurring.Contains(b.Index), sameAmountCount[x] == 2, options);
            if (pair is { } p)
            {
                var (first, second) = lines[a.Index].Line.Date <= lines[b.Index].Line.Date ? (lines[a.Index], lines[b.Index]) : (lines[b.Index], lines[a.Index]);
                found.Add(new DuplicatePayment(
                    KeyOf(first, second), first, second, cluster.Key, cluster.Name,
                    Math.Min(Math.Abs(first.Line.Amount), Math.Abs(second.Line.Amount)), p.Score, p.Reasons)
                { Evidence = p.Evidence });
            }
        }
    }

    /// <summary>Whether two normalised references could be the same, swapped or one character apart (what a near
    /// amount needs to count), checked without allocating.</summary>
    private static bool MayBeSimilar(string a, string b) =>
        a.Length > 0 && b.Length > 0 && (a == b || IsTransposition(a, b) || MayBeOneEditApart(a, b));

    private static long NearPence(long pence, DuplicatePaymentOptions options) =>
        Math.Max((long)(options.NearAmountPounds * 100m), (long)(pence * options.NearAmountFraction));

    private static int LowerBound((long Band, int Day, int Pos)[] banded, int from, int to, int day)
    {
        while (from < to)
        {
            var mid = (from + to) >>> 1;
            if (banded[mid].Day < day)
            {
                from = mid + 1;
            }
            else
            {
                to = mid;
            }
        }

        return from;
    }

    /// <summary>Numbers amounts into bands at least as wide as the near-amount tolerance: whole pounds-tolerance steps
    /// below the amount where the fraction takes over, then steps of (1 + fraction) on a log scale. Two amounts within
    /// the tolerance of the smaller one are always in the same or adjacent bands.</summary>
    private readonly struct AmountBands
    {
        private readonly long _step;
        private readonly double _crossover;
        private readonly double _logStep;
        private readonly long _firstLogBand;

        public AmountBands(DuplicatePaymentOptions options)
        {
            _step = Math.Max(1L, (long)(options.NearAmountPounds * 100m));
            var fraction = (double)options.NearAmountFraction;
            _crossover = fraction > 0 ? _step / fraction : double.PositiveInfinity;
            _logStep = fraction > 0 ? Math.Log(1 + fraction) * (1 + 1e-9) : 0;
            _firstLogBand = double.IsFinite(_crossover) ? (long)(_crossover / _step) : 0;
        }

        public long Of(long pence) => pence < _crossover
            ? pence / _step
            : _firstLogBand + (long)Math.Floor(Math.Log(pence / _crossover) / _logStep);
    }

    /// <summary>The plain quadratic scan the banded scan must agree with (every pair of a supplier's payments within
    /// the window and the near-amount tolerance): for tests only.</summary>
    internal static IReadOnlyList<DuplicatePayment> DetectExhaustively(IReadOnlyList<PartnerTransaction> lines, SupplierResolution resolution, DuplicatePaymentOptions? options = null)
    {
        options ??= DuplicatePaymentOptions.Default;
        var found = new List<DuplicatePayment>();
        foreach (var group in lines.Select((l, i) => (Line: l, Index: i, Cluster: resolution.ClusterOf(l)))
            .Where(x => x.Cluster is not null && x.Line.Line.Amount != 0m)
            .GroupBy(x => x.Cluster!, ReferenceEqualityComparer.Instance))
        {
            var segment = group
                .Select(x => new Line(0, (long)Math.Round(Math.Abs(x.Line.Line.Amount) * 100m, MidpointRounding.AwayFromZero), x.Line.Line.Date.DayNumber, x.Index, x.Line.Line.Amount < 0m))
                .OrderBy(l => l.AbsPence).ThenBy(l => l.Day).ThenBy(l => l.Index).ToArray();
            var cancelled = CancelByCredits(segment, options.WindowDays);
            var positives = segment.Where(l => !l.Negative && !cancelled.Contains(l.Index)).ToList();
            var recurring = FindRecurring(positives, lines);
            var sameAmountCount = new int[positives.Count];
            CountEqualAmounts(positives, sameAmountCount);
            var cluster = (SupplierCluster)group.Key!;
            for (var i = 0; i < positives.Count; i++)
            {
                for (var j = i + 1; j < positives.Count; j++)
                {
                    var (a, b) = (positives[i], positives[j]);
                    if (b.AbsPence - a.AbsPence > NearPence(a.AbsPence, options) || Math.Abs(b.Day - a.Day) > options.WindowDays)
                    {
                        continue;
                    }

                    if (Score(lines[a.Index], lines[b.Index], NormaliseReference(lines[a.Index].Line.InvoiceNumber), NormaliseReference(lines[b.Index].Line.InvoiceNumber), a.AbsPence == b.AbsPence, recurring.Contains(a.Index) && recurring.Contains(b.Index), sameAmountCount[i] == 2, options) is { } p)
                    {
                        var (first, second) = lines[a.Index].Line.Date <= lines[b.Index].Line.Date ? (lines[a.Index], lines[b.Index]) : (lines[b.Index], lines[a.Index]);
                        found.Add(new DuplicatePayment(KeyOf(first, second), first, second, cluster.Key, cluster.Name,
                            Math.Min(Math.Abs(first.Line.Amount), Math.Abs(second.Line.Amount)), p.Score, p.Reasons)
                        { Evidence = p.Evidence });
                    }
                }
            }
        }

        return [.. found.OrderBy(d => d.Key, StringComparer.Ordinal)];
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

    /// <summary>How many of the supplier's payments (after credits) have each payment's amount; the list is sorted by amount.</summary>
    private static void CountEqualAmounts(List<Line> positives, int[] counts)
    {
        var s = 0;
        while (s < positives.Count)
        {
            var e = s;
            while (e < positives.Count && positives[e].AbsPence == positives[s].AbsPence)
            {
                e++;
            }

            Array.Fill(counts, e - s, s, e - s);
            s = e;
        }
    }

    private static DuplicateEvidence Compare(string invoiceA, string invoiceB)
    {
        if (invoiceA.Length == 0 || invoiceB.Length == 0)
        {
            return DuplicateEvidence.AmountAndDateOnly;
        }

        return invoiceA == invoiceB ? DuplicateEvidence.SameInvoice
            : IsTransposition(invoiceA, invoiceB) && !AreConsecutive(invoiceA, invoiceB) ? DuplicateEvidence.InvoiceTransposed
            // One digit for another ("SSAC/001244", "SSAC/001246") is the supplier's numbering of another bill far more
            // often than a slip: on Devon's July 2014 file nearly every such pair was a sequential bill. A character
            // dropped, added, or a letter for a digit ("INV7781", "INV7781A"; "1O42", "1042") is the slip.
            : Math.Min(invoiceA.Length, invoiceB.Length) >= 4 && !IsDigitForDigit(invoiceA, invoiceB)
                && MayBeOneEditApart(invoiceA, invoiceB) ? DuplicateEvidence.InvoiceOneCharacterApart
            : DuplicateEvidence.DifferentInvoices;
    }

    /// <summary>True when the strings have the same length and differ in exactly one place, a digit in both.</summary>
    private static bool IsDigitForDigit(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var at = -1;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                if (at >= 0)
                {
                    return false;
                }

                at = i;
            }
        }

        return at >= 0 && char.IsAsciiDigit(a[at]) && char.IsAsciiDigit(b[at]);
    }

    // The score is decided on numbers first; the reasons are written only for the few pairs that pass, because most
    // compared pairs are ordinary payments of similar amounts and formatting their reasons was most of the cost.
    private static (double Score, IReadOnlyList<string> Reasons, DuplicateEvidence Evidence)? Score(
        PartnerTransaction a, PartnerTransaction b, string invoiceA, string invoiceB, bool sameAmount, bool recurring, bool amountPaidOnlyTwice, DuplicatePaymentOptions options)
    {
        var evidence = Compare(invoiceA, invoiceB);
        if (evidence == DuplicateEvidence.DifferentInvoices)
        {
            return null; // two bills: the amounts and dates may agree, but the supplier numbered them apart
        }

        var transactionA = NormaliseReference(a.Line.Reference);
        if (transactionA.Length > 0 && transactionA == NormaliseReference(b.Line.Reference))
        {
            return null; // two lines of one payment (a bill split across cost centres), not two payments
        }

        var gap = Math.Abs(b.Line.Date.DayNumber - a.Line.Date.DayNumber);
        if (evidence == DuplicateEvidence.AmountAndDateOnly)
        {
            // Weak evidence: only an equal amount within a fortnight, never a regular series.
            if (!sameAmount || gap > 14 || recurring)
            {
                return null;
            }
        }
        else if (!sameAmount && evidence != DuplicateEvidence.SameInvoice && evidence != DuplicateEvidence.InvoiceTransposed)
        {
            return null; // a near amount and a near invoice number are two different bills more often than one
        }
        else if (recurring && gap >= 6 && (gap > 7 || evidence != DuplicateEvidence.SameInvoice))
        {
            // A regular series of equal payments (monthly rent) is not a duplicate, even when every instalment quotes
            // the same lease number; only two instalments within a week on one invoice still count.
            return null;
        }

        var score = evidence switch
        {
            DuplicateEvidence.SameInvoice => 0.55,
            DuplicateEvidence.InvoiceTransposed => 0.4,
            DuplicateEvidence.InvoiceOneCharacterApart => 0.3,
            _ => 0.05,
        };
        score += sameAmount ? 0.25 : 0.05;
        score += gap switch
        {
            <= 3 => 0.15,
            <= 7 => 0.1,
            <= 14 => 0.05,
            <= 30 => 0.02,
            _ => 0,
        };
        if (evidence == DuplicateEvidence.AmountAndDateOnly)
        {
            var pence = (long)Math.Round(Math.Abs(a.Line.Amount) * 100m, MidpointRounding.AwayFromZero);
            // Two equal payments on one day without invoice numbers were, on Devon's July 2014 file, mostly two
            // people's care at one rate; a payment repeated in a later run (1 to 3 days on) is the pattern of a
            // bill paid twice.
            score += (pence % 100 != 0 ? 0.1 : 0) + (amountPaidOnlyTwice ? 0.1 : 0) - (gap is 0 or > 3 ? 0.1 : 0);
            score = Math.Min(score, WeakEvidenceCeiling);
        }

        score = Math.Round(Math.Min(score, 1.0), 2);
        if (score + 1e-9 < options.Threshold)
        {
            return null;
        }

        var reasons = new List<string>();
        switch (evidence)
        {
            case DuplicateEvidence.SameInvoice:
                reasons.Add($"same invoice number '{a.Line.InvoiceNumber}'");
                break;
            case DuplicateEvidence.InvoiceTransposed:
                reasons.Add($"invoice numbers '{a.Line.InvoiceNumber}' and '{b.Line.InvoiceNumber}' differ by two swapped characters");
                break;
            case DuplicateEvidence.InvoiceOneCharacterApart:
                reasons.Add($"invoice numbers '{a.Line.InvoiceNumber}' and '{b.Line.InvoiceNumber}' are one character apart");
                break;
            default:
                reasons.Add("no invoice number to compare: weak evidence");
                break;
        }

        reasons.Add(sameAmount
            ? $"same amount {Format(a.Line.Amount)}"
            : $"amounts {Format(a.Line.Amount)} and {Format(b.Line.Amount)} differ by {Format(Math.Abs(Math.Abs(a.Line.Amount) - Math.Abs(b.Line.Amount)))}");
        reasons.Add(gap == 0 ? "paid the same day" : $"paid {gap} days apart");
        if (evidence == DuplicateEvidence.AmountAndDateOnly && amountPaidOnlyTwice)
        {
            reasons.Add("the only two payments of this amount to the supplier");
        }

        if (!string.Equals(a.Agency, b.Agency, StringComparison.Ordinal))
        {
            reasons.Add($"paid by two partners: {a.Agency} and {b.Agency}");
        }

        return (score, reasons, evidence);
    }

    /// <summary>The most a pair without invoice numbers can score: equal to the default threshold, so only the most
    /// distinctive such pairs (pence, paid only twice, one to three days apart) are in the default report.</summary>
    internal const double WeakEvidenceCeiling = 0.6;

    /// <summary>True when the strings are at most one insertion, deletion or substitution apart, checked without
    /// allocating: the common prefix and suffix cover all but one character of the longer one.</summary>
    internal static bool MayBeOneEditApart(string a, string b)
    {
        var longer = Math.Max(a.Length, b.Length);
        if (longer - Math.Min(a.Length, b.Length) > 1)
        {
            return false;
        }

        var prefix = a.AsSpan().CommonPrefixLength(b);
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        return prefix + suffix >= longer - 1;
    }

    /// <summary>A reference as compared: upper case, letters and digits only, no leading zeros ("inv-0123" becomes "INV0123", "00123" becomes "123").</summary>
    internal static string NormaliseReference(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return string.Empty;
        }

        // Most published references are already upper-case letters and digits ("MCC2500001"): no copy needed.
        if (reference[0] != '0' && !reference.AsSpan().ContainsAnyExcept(s_plainReference) && !reference.Contains("REDACTED", StringComparison.Ordinal)
            && reference is not ("NA" or "NONE" or "NIL"))
        {
            return reference;
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

    private static string Format(decimal pounds) => MoneyFormat.Pounds(pounds);

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
