using FsCheck;
using FsCheck.Xunit;
using TotalPlace.Core.Waste;
using TotalPlace.Testing;
using static TotalPlace.Core.Tests.Waste.Lines;

namespace TotalPlace.Core.Tests.Waste;

public sealed class DuplicatePaymentDetectorTests
{
    private static IReadOnlyList<DuplicatePayment> Detect(params PartnerTransaction[] lines) =>
        DuplicatePaymentDetector.Detect(lines, SupplierResolver.Resolve(lines));

    [Fact]
    public void Detect_SameInvoicePaidTwice_IsFoundWithItsReasons()
    {
        var first = Paid("Council", "ACME CARE LTD", 1_496.00m, 3.April(2024), "INV-10442");
        var second = Paid("Council", "ACME CARE LTD", 1_496.00m, 5.April(2024), "INV-10442");

        var duplicate = Assert.Single(Detect(first, second, Paid("Council", "ACME CARE LTD", 700m, 9.April(2024), "INV-10500")));

        Assert.Equal(1_496.00m, duplicate.AmountAtStake);
        Assert.Same(first, duplicate.First);
        Assert.Contains("same invoice number 'INV-10442'", duplicate.Reasons);
        Assert.Equal(DuplicateEvidence.SameInvoice, duplicate.Evidence);
        Assert.Contains("paid 2 days apart", duplicate.Reasons);
        Assert.True(duplicate.Score >= 0.9);
    }

    [Fact]
    public void Detect_TransposedDigitsInTheInvoiceNumber_IsFound()
    {
        var duplicate = Assert.Single(Detect(
            Paid("Council", "ACME CARE LTD", 2_250m, 3.April(2024), "58213"),
            Paid("Council", "ACME CARE LTD", 2_250m, 20.April(2024), "58231")));

        Assert.Contains(duplicate.Reasons, r => r.Contains("swapped", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_InvoiceOneCharacterApartAndSameAmount_IsFound()
    {
        var duplicate = Assert.Single(Detect(
            Paid("Council", "ACME CARE LTD", 2_250.00m, 3.April(2024), "INV7781"),
            Paid("Council", "ACME CARE LTD", 2_250.00m, 4.April(2024), "INV7781A")));

        Assert.Equal(2_250.00m, duplicate.AmountAtStake);
        Assert.Contains(duplicate.Reasons, r => r.Contains("one character apart", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_SameInvoiceAndNearAmount_IsFoundAndTheSmallerAmountIsAtStake()
    {
        var duplicate = Assert.Single(Detect(
            Paid("Council", "ACME CARE LTD", 2_250.00m, 3.April(2024), "INV7781"),
            Paid("Council", "ACME CARE LTD", 2_250.40m, 4.April(2024), "inv-7781")));

        Assert.Equal(2_250.00m, duplicate.AmountAtStake);
    }

    [Fact]
    public void Detect_InvoiceOneCharacterApartAndNearAmount_IsTwoBills() =>
        Assert.Empty(Detect(
            Paid("Council", "ACME CARE LTD", 2_250.00m, 3.April(2024), "INV7781"),
            Paid("Council", "ACME CARE LTD", 2_250.40m, 4.April(2024), "INV7781A")));

    [Fact]
    public void Detect_SameInvoiceUnderTwoTransactionNumbers_IsFound()
    {
        var duplicate = Assert.Single(Detect(
            Paid("Council", "ACME CARE LTD", 812.37m, 3.April(2024), "000451").WithTransaction("T1001"),
            Paid("Council", "ACME CARE LTD", 812.37m, 6.April(2024), "451").WithTransaction("T1077")));

        Assert.Contains("same invoice number '000451'", duplicate.Reasons);
    }

    [Fact]
    public void Detect_SameTransactionNumberWithoutInvoices_IsNotEvidence() =>
        Assert.Empty(Detect(
            Paid("Council", "ACME CARE LTD", 500m, 3.April(2024)).WithTransaction("T1001"),
            Paid("Council", "ACME CARE LTD", 500m, 20.April(2024)).WithTransaction("T1001")));

    [Fact]
    public void Detect_SameDayEqualPaymentsWithDifferentInvoiceNumbers_AreNotDuplicates() =>
        Assert.Empty(Detect(
            Paid("Council", "ACME CARE LTD", 1_234.56m, 3.April(2024), "INV-1001"),
            Paid("Council", "ACME CARE LTD", 1_234.56m, 3.April(2024), "INV-2917")));

    [Fact]
    public void Detect_ConsecutiveInvoiceNumbers_AreTheSuppliersNextBill() =>
        Assert.Empty(Detect(
            Paid("DfE", "RED ROSE ACADEMY TRUST LTD", 1_798_943.64m, 29.September(2023), "DFE3300174"),
            Paid("DfE", "RED ROSE ACADEMY TRUST LTD", 1_798_943.64m, 29.September(2023), "DFE3300175")));

    [Fact]
    public void Detect_NoInvoiceNumbersDistinctAmountDaysApart_IsWeakEvidenceAtTheDefaultThreshold()
    {
        var duplicate = Assert.Single(Detect(
            Paid("Council", "ACME CARE LTD", 1_234.56m, 3.April(2024)).WithTransaction("T1"),
            Paid("Council", "ACME CARE LTD", 1_234.56m, 5.April(2024)).WithTransaction("T2")));

        Assert.Equal(DuplicateEvidence.AmountAndDateOnly, duplicate.Evidence);
        Assert.Equal(DuplicatePaymentDetector.WeakEvidenceCeiling, duplicate.Score);
    }

    [Fact]
    public void Detect_NoInvoiceNumbersRoundAmount_IsBelowTheDefaultThreshold() =>
        Assert.Empty(Detect(
            Paid("Council", "ACME CARE LTD", 640m, 1.May(2024)).WithTransaction("T1"),
            Paid("Council", "ACME CARE LTD", 640m, 1.May(2024)).WithTransaction("T2")));

    [Fact]
    public void Detect_NoInvoiceNumbersRoundAmount_IsListedWhenAskedForWeakerEvidence()
    {
        PartnerTransaction[] lines =
        [
            Paid("Council", "ACME CARE LTD", 640m, 1.May(2024)).WithTransaction("T1"),
            Paid("Council", "ACME CARE LTD", 640m, 1.May(2024)).WithTransaction("T2"),
        ];

        var duplicate = Assert.Single(DuplicatePaymentDetector.Detect(lines, SupplierResolver.Resolve(lines), DuplicatePaymentOptions.Default with { Threshold = 0.4 }));
        Assert.True(duplicate.Score < DuplicatePaymentOptions.Default.Threshold);
    }

    [Fact]
    public void Detect_SameBillPaidByTwoPartnersUnderDifferentSpellings_IsFound()
    {
        var duplicate = Assert.Single(Detect(
            Paid("Council", "ACME CARE LTD", 18_000m, 1.May(2024), "AC/2024/118"),
            Paid("NHS Trust", "Acme Care Limited", 18_000m, 9.May(2024), "AC-2024-118")));

        Assert.Contains("paid by two partners: Council and NHS Trust", duplicate.Reasons);
    }

    [Fact]
    public void Detect_PaymentReissuedAfterACreditNote_IsNotADuplicate() =>
        Assert.Empty(Detect(
            Paid("Council", "ACME CARE LTD", 1_200m, 3.April(2024), "INV-9"),
            Paid("Council", "ACME CARE LTD", -1_200m, 10.April(2024), "INV-9"),
            Paid("Council", "ACME CARE LTD", 1_200m, 12.April(2024), "INV-9")));

    [Fact]
    public void Detect_CreditNoteCancelsOnlyOnePayment_TheOtherPairStillCounts()
    {
        var found = Detect(
            Paid("Council", "ACME CARE LTD", 1_200m, 3.April(2024), "INV-9"),
            Paid("Council", "ACME CARE LTD", -1_200m, 10.April(2024), "INV-9"),
            Paid("Council", "ACME CARE LTD", 1_200m, 12.April(2024), "INV-9"),
            Paid("Council", "ACME CARE LTD", 1_200m, 14.April(2024), "INV-9"));

        Assert.Single(found);
    }

    [Fact]
    public void Detect_MonthlyRentWithDistinctReferences_IsNotFlagged()
    {
        var rent = Enumerable.Range(0, 12)
            .Select(m => Paid("Council", "HOLLOWAY ESTATES LTD", 4_250m, 1.April(2024).AddMonths(m), $"RENT-{m + 1:00}", "Rents"))
            .ToArray();

        Assert.Empty(Detect(rent));
    }

    [Fact]
    public void Detect_MonthlyRentQuotingOneLeaseNumber_IsNotFlagged()
    {
        var rent = Enumerable.Range(0, 6)
            .Select(m => Paid("Council", "HOLLOWAY ESTATES LTD", 4_250m, 1.April(2024).AddMonths(m), "LEASE-77", "Rents"))
            .ToArray();

        Assert.Empty(Detect(rent));
    }

    [Fact]
    public void Detect_RentPaidTwiceInOneMonth_IsStillFound()
    {
        var rent = Enumerable.Range(0, 6)
            .Select(m => Paid("Council", "HOLLOWAY ESTATES LTD", 4_250m, 1.April(2024).AddMonths(m), $"RENT-{m + 1:00}", "Rents"))
            .Append(Paid("Council", "HOLLOWAY ESTATES LTD", 4_250m, 3.June(2024), "RENT-03"))
            .ToArray();

        var duplicate = Assert.Single(Detect(rent));
        Assert.Equal("RENT-03", duplicate.First.Line.InvoiceNumber);
    }

    [Fact]
    public void Detect_SameAmountDifferentReferencesWeeksApart_IsNotFlagged() =>
        Assert.Empty(Detect(
            Paid("Council", "ACME CARE LTD", 500m, 3.April(2024), "INV-100"),
            Paid("Council", "ACME CARE LTD", 500m, 20.April(2024), "INV-230")));

    [Fact]
    public void Detect_NearAmountWithoutAMatchingReference_IsNotFlagged() =>
        Assert.Empty(Detect(
            Paid("Council", "ACME CARE LTD", 500.00m, 3.April(2024), "INV-100"),
            Paid("Council", "ACME CARE LTD", 500.50m, 3.April(2024), "INV-230")));

    [Fact]
    public void Detect_SameReferenceOutsideTheWindow_IsNotFlagged() =>
        Assert.Empty(Detect(
            Paid("Council", "ACME CARE LTD", 500m, 3.April(2024), "INV-100"),
            Paid("Council", "ACME CARE LTD", 500m, 3.October(2024), "INV-100")));

    [Fact]
    public void Detect_DifferentSuppliers_AreNeverPaired() =>
        Assert.Empty(Detect(
            Paid("Council", "ACME CARE LTD", 500m, 3.April(2024), "INV-100"),
            Paid("Council", "ZENITH CLEANING LTD", 500m, 3.April(2024), "INV-100")));

    [Fact]
    public void Detect_RedactedSuppliers_AreNeverPaired() =>
        Assert.Empty(Detect(
            Paid("Council", "REDACTED UNDER DP ACT", 500m, 3.April(2024), "X1"),
            Paid("Council", "REDACTED UNDER DP ACT", 500m, 3.April(2024), "X1")));

    [Property(MaxTest = 100)]
    public bool Detect_FindsTheSamePairsWhateverTheInputOrder(int seed)
    {
        var rnd = new Random(seed);
        var suppliers = new[] { "ACME CARE LTD", "Acme Care Limited", "ZENITH CLEANING", "HOLLOWAY ESTATES" };
        var lines = Enumerable.Range(0, 40)
            .Select(_ => Paid(rnd.Next(2) == 0 ? "Council" : "NHS Trust", suppliers[rnd.Next(suppliers.Length)],
                rnd.Next(1, 6) * 100m, 1.April(2024).AddDays(rnd.Next(60)), "INV" + rnd.Next(5)))
            .ToList();
        var shuffled = lines.OrderBy(_ => rnd.Next()).ToList();

        var a = DuplicatePaymentDetector.Detect(lines, SupplierResolver.Resolve(lines)).Select(d => d.Key).Order(StringComparer.Ordinal);
        var b = DuplicatePaymentDetector.Detect(shuffled, SupplierResolver.Resolve(shuffled)).Select(d => d.Key).Order(StringComparer.Ordinal);
        return a.SequenceEqual(b);
    }

    [Property(MaxTest = 200)]
    public bool Detect_BandedScanFindsExactlyThePairsOfTheExhaustiveScan(int seed)
    {
        // Amounts straddle band edges (£1 steps below £200, 0.5% steps above), dates straddle the window, references
        // are equal, swapped, consecutive, one character apart or unrelated; fewer than 64 lines per supplier, so the
        // comparison cap never binds.
        var rnd = new Random(seed);
        var suppliers = new[] { "ACME CARE LTD", "Acme Care Limited", "ZENITH CLEANING" };
        var bases = new[] { 150m, 199.50m, 200m, 200.99m, 1_000m, 1_004.99m, 1_005.01m, 20_000m, 20_100m, 20_100.01m };
        var refs = new[] { "INV1000", "INV1001", "INV0100", "INV1000A", "INV7781", "INV7871", null };
        var lines = Enumerable.Range(0, rnd.Next(2, 60))
            .Select(_ => Paid(rnd.Next(3) == 0 ? "NHS Trust" : "Council", suppliers[rnd.Next(suppliers.Length)],
                (bases[rnd.Next(bases.Length)] + rnd.Next(3) * 0.5m) * (rnd.Next(12) == 0 ? -1 : 1),
                1.April(2024).AddDays(rnd.Next(200)), refs[rnd.Next(refs.Length)]))
            .ToList();
        var resolution = SupplierResolver.Resolve(lines);

        static string Show(DuplicatePayment d) => d.Key + " " + d.Score.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + string.Join("; ", d.Reasons);
        var banded = DuplicatePaymentDetector.Detect(lines, resolution).Select(Show).Order(StringComparer.Ordinal).ToList();
        var exhaustive = DuplicatePaymentDetector.DetectExhaustively(lines, resolution).Select(Show).Order(StringComparer.Ordinal).ToList();
        return banded.SequenceEqual(exhaustive);
    }

    [Property(MaxTest = 500)]
    public bool MayBeOneEditApart_HoldsForEveryPairOneEditApart(int seed)
    {
        var rnd = new Random(seed);
        string Word(int length) => new([.. Enumerable.Range(0, length).Select(_ => "AB12"[rnd.Next(4)])]);
        var a = Word(rnd.Next(4, 9));
        var b = rnd.Next(4) switch
        {
            0 => a.Remove(rnd.Next(a.Length), 1),
            1 => a.Insert(rnd.Next(a.Length + 1), "B"),
            2 => a.Remove(rnd.Next(a.Length), 1).Insert(rnd.Next(a.Length), "2"),
            _ => Word(rnd.Next(4, 9)),
        };
        var oneApart = new F23.StringSimilarity.Damerau().Distance(a, b) <= 1 && !DuplicatePaymentDetector.IsTransposition(a, b);
        return !oneApart || DuplicatePaymentDetector.MayBeOneEditApart(a, b);
    }

    [Property(MaxTest = 300)]
    public bool NormaliseReference_PlainUpperCaseReferenceIsReadAsItsLowerCaseSpelling(int seed)
    {
        // Upper-case letters and digits take a no-copy path; the lower-case spelling takes the general one.
        var rnd = new Random(seed);
        var reference = new string([.. Enumerable.Range(0, rnd.Next(1, 12)).Select(_ => "0AN1EDIL9ORXC"[rnd.Next(13)])]);
        return DuplicatePaymentDetector.NormaliseReference(reference) == DuplicatePaymentDetector.NormaliseReference("-" + reference.ToLowerInvariant());
    }

    [Theory]
    [InlineData("12345", "12354", true)]
    [InlineData("12345", "21345", true)]
    [InlineData("12345", "12345", false)]
    [InlineData("12345", "12435", true)]
    [InlineData("12345", "13254", false)]
    [InlineData("1234", "12345", false)]
    public void IsTransposition_DetectsOneSwapOfAdjacentCharacters(string a, string b, bool expected) =>
        Assert.Equal(expected, DuplicatePaymentDetector.IsTransposition(a, b));
}
