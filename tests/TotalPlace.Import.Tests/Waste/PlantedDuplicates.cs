using TotalPlace.Core.Waste;

namespace TotalPlace.Import.Tests.Waste;

/// <summary>A real file with duplicate payments planted the way they happen, and near-misses that are not
/// duplicates, so the detector's precision and recall can be measured on real data.</summary>
/// <remarks>
/// <para>A planted duplicate copies a real payment (same supplier spelling, amount and invoice number) under a new
/// transaction number, 0 to 3 days later; every fourth has two adjacent characters of its invoice number swapped.</para>
/// <para>The near-misses: a real payment credited and paid again (the credit note and the reissue), a monthly rent
/// paid twelve times, and (where the file has invoice numbers) a second payment of the same amount on the same day
/// under a different invoice number. Any finding that touches a near-miss is a false positive.</para>
/// <para>Findings between two real lines are counted apart: the real file may hold real duplicates, so they are
/// neither true nor false by construction; precision is reported both ways.</para>
/// </remarks>
internal sealed class PlantedDuplicates
{
    private readonly HashSet<(PartnerTransaction, PartnerTransaction)> _pairs = new(PairComparer.Instance);
    private readonly HashSet<PartnerTransaction> _nearMisses = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<PartnerTransaction> _planted = new(ReferenceEqualityComparer.Instance);

    private PlantedDuplicates(List<PartnerTransaction> lines) => Lines = lines;

    public List<PartnerTransaction> Lines { get; }

    public int Planted => _pairs.Count;

    public int NearMissLines => _nearMisses.Count;

    public bool UsesInvoiceNumbers { get; private init; }

    /// <summary>Plants into a copy of the real lines; the same seed always plants the same.</summary>
    public static PlantedDuplicates Plant(IReadOnlyList<PartnerTransaction> real, int seed, int duplicates = 25)
    {
        var rnd = new Random(seed);
        var usesInvoices = real.Count(l => HasInvoice(l.Line.InvoiceNumber)) * 2 > real.Count;
        var candidates = real
            .Where(l => l.Line.Amount >= 100m && l.Line.Supplier is { Length: > 0 } s && !s.Contains("REDACTED", StringComparison.OrdinalIgnoreCase)
                && (!usesInvoices || HasInvoice(l.Line.InvoiceNumber)))
            .ToList();
        var set = new PlantedDuplicates([.. real]) { UsesInvoiceNumbers = usesInvoices };
        var row = real.Max(l => l.Line.SourceRow) + 1;
        var used = new HashSet<PartnerTransaction>(ReferenceEqualityComparer.Instance);
        PartnerTransaction Pick()
        {
            while (true)
            {
                var line = candidates[rnd.Next(candidates.Count)];
                if (used.Add(line))
                {
                    return line;
                }
            }
        }

        PartnerTransaction Add(PartnerTransaction source, DateOnly date, decimal amount, string? invoice)
        {
            var line = source with
            {
                Line = source.Line with { Date = date, Amount = amount, InvoiceNumber = invoice, Reference = "PLANTED" + row.ToString(System.Globalization.CultureInfo.InvariantCulture), SourceRow = row },
            };
            row++;
            set.Lines.Add(line);
            return line;
        }

        for (var i = 0; i < duplicates; i++)
        {
            var original = Pick();
            var invoice = original.Line.InvoiceNumber;
            if (usesInvoices && i % 4 == 3 && Transpose(invoice!, rnd) is { } swapped)
            {
                invoice = swapped;
            }

            var duplicate = Add(original, original.Line.Date.AddDays(rnd.Next(0, 4)), original.Line.Amount, invoice);
            set._pairs.Add((original, duplicate));
            set._planted.Add(duplicate);
        }

        for (var i = 0; i < 8; i++)
        {
            var original = Pick();
            var credit = Add(original, original.Line.Date.AddDays(rnd.Next(1, 11)), -original.Line.Amount, original.Line.InvoiceNumber);
            var reissue = Add(original, credit.Line.Date.AddDays(rnd.Next(0, 4)), original.Line.Amount, original.Line.InvoiceNumber);
            set._nearMisses.Add(credit);
            set._nearMisses.Add(reissue);
        }

        for (var series = 0; series < 4; series++)
        {
            var landlord = Pick();
            var first = new DateOnly(landlord.Line.Date.Year, landlord.Line.Date.Month, 1);
            for (var month = 0; month < 12; month++)
            {
                var invoice = usesInvoices ? FormattableString.Invariant($"RENT{seed}-{series}-{month + 1:00}") : null;
                set._nearMisses.Add(Add(landlord, first.AddMonths(month), landlord.Line.Amount, invoice));
            }
        }

        if (usesInvoices)
        {
            for (var i = 0; i < 8; i++)
            {
                var original = Pick();
                var other = FormattableString.Invariant($"SD{rnd.Next(100_000, 999_999)}");
                set._nearMisses.Add(Add(original, original.Line.Date, original.Line.Amount, other));
            }
        }

        return set;
    }

    /// <summary>How the findings score against what was planted.</summary>
    public Measurement Measure(IReadOnlyList<DuplicatePayment> found)
    {
        var truePositives = found.Count(d => _pairs.Contains((d.First, d.Second)) || _pairs.Contains((d.Second, d.First)));
        var falsePositives = found.Count(d => _nearMisses.Contains(d.First) || _nearMisses.Contains(d.Second)
            || ((_planted.Contains(d.First) || _planted.Contains(d.Second)) && !_pairs.Contains((d.First, d.Second)) && !_pairs.Contains((d.Second, d.First))));
        return new Measurement(Lines.Count, Planted, truePositives, falsePositives, found.Count - truePositives - falsePositives);
    }

    private static bool HasInvoice(string? invoice) =>
        invoice is not null && !invoice.Contains("REDACTED", StringComparison.OrdinalIgnoreCase)
        && invoice.Count(char.IsLetterOrDigit) >= 4;

    /// <summary>The invoice number with two adjacent, different letters or digits swapped; null when it has none.</summary>
    private static string? Transpose(string invoice, Random rnd)
    {
        var positions = Enumerable.Range(0, invoice.Length - 1)
            .Where(i => char.IsLetterOrDigit(invoice[i]) && char.IsLetterOrDigit(invoice[i + 1]) && invoice[i] != invoice[i + 1])
            .ToList();
        if (positions.Count == 0)
        {
            return null;
        }

        var at = positions[rnd.Next(positions.Count)];
        var chars = invoice.ToCharArray();
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        return new string(chars);
    }

    private sealed class PairComparer : IEqualityComparer<(PartnerTransaction, PartnerTransaction)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((PartnerTransaction, PartnerTransaction) x, (PartnerTransaction, PartnerTransaction) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((PartnerTransaction, PartnerTransaction) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }
}

/// <summary>Planted duplicates found, false positives on near-misses, and findings among the real lines.</summary>
internal sealed record Measurement(int Lines, int Planted, int TruePositives, int FalsePositives, int AmongRealLines)
{
    public int Findings => TruePositives + FalsePositives + AmongRealLines;

    public double Recall => Planted == 0 ? 0 : (double)TruePositives / Planted;

    /// <summary>Counting findings among real lines as false (a floor: some may be real duplicates).</summary>
    public double Precision => Findings == 0 ? 1 : (double)TruePositives / Findings;

    /// <summary>Counting only the near-misses as false.</summary>
    public double PrecisionOnLabelled => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
}
