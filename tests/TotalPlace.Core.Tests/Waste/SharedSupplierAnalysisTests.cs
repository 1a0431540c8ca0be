using FsCheck;
using FsCheck.Xunit;
using TotalPlace.Core.Waste;
using TotalPlace.Testing;
using static TotalPlace.Core.Tests.Waste.Lines;

namespace TotalPlace.Core.Tests.Waste;

public sealed class SharedSupplierAnalysisTests
{
    [Fact]
    public void Find_SupplierPaidByThreePartnersUnderThreeSpellings_IsOneOpportunityWithTotalsByPartnerTypeAndYear()
    {
        var lines = new[]
        {
            Paid("Council", "ACME CARE LTD", 10_000m, 3.April(2024), "A1", "Care Spot"),
            Paid("Council", "ACME CARE LTD", -500m, 9.April(2024), "A2", "Care Spot"),
            Paid("NHS Trust", "Acme Care Limited", 25_000m, 3.March(2025), "B1", "Agency Staff"),
            Paid("Probation", "THE ACME CARE CO", 4_000m, 3.May(2025), "C1", "Care Spot"),
            Paid("Council", "LONE SUPPLIER LTD", 99_000m, 3.May(2025), "D1", "Care Spot"),
        };

        var shared = Assert.Single(SharedSupplierAnalysis.Find(lines, SupplierResolver.Resolve(lines)));

        Assert.Equal(38_500m, shared.Total);
        Assert.Equal(["NHS Trust", "Council", "Probation"], shared.ByPartner.Select(p => p.Agency));
        Assert.Equal(9_500m, shared.ByPartner.Single(p => p.Agency == "Council").Amount);
        Assert.Equal(3, shared.Spellings.Count);
        Assert.Equal(["2024-25", "2025-26"], shared.ByYear.Select(y => y.Label));
        Assert.Equal(13_500m, shared.ByExpenseType.Single(t => t.Label == "Care Spot").Amount);
        Assert.Equal(1_155.00m, shared.EstimatedSaving);
    }

    [Fact]
    public void Find_LinesWithContractNumbers_CountsDistinctContractsPerPartnerAndTheTitleSaysSo()
    {
        var lines = new[]
        {
            Paid("Council", "ACME CARE LTD", 10_000m, 3.April(2024), "A1").WithContract("C-101"),
            Paid("Council", "ACME CARE LTD", 2_000m, 3.May(2024), "A2").WithContract("c101"),
            Paid("Council", "ACME CARE LTD", 3_000m, 3.June(2024), "A3").WithContract("C-202"),
            Paid("NHS Trust", "Acme Care Limited", 25_000m, 3.March(2025), "B1").WithContract("C-101"),
            Paid("NHS Trust", "Acme Care Limited", 1_000m, 4.March(2025), "B2").WithContract("N/A"),
        };

        var shared = Assert.Single(SharedSupplierAnalysis.Find(lines, SupplierResolver.Resolve(lines)));
        var finding = Assert.Single(WasteFindings.FromSharedSuppliers([shared]));

        Assert.Equal(3, shared.Contracts);            // Council C101 and C202, NHS Trust C101
        Assert.Equal(4, shared.LinesWithContract);    // "N/A" is no number
        Assert.EndsWith("by 2 partners under at least 3 contracts", finding.Title, StringComparison.Ordinal);
        Assert.Contains("Contracts counted: 3 distinct contract or purchase-order numbers per partner, published on 4 of 5 lines (lines without one may be under further contracts).", finding.Explanation);
    }

    [Fact]
    public void Find_NoContractNumbersPublished_CountsNoContractsAndSaysWhy()
    {
        var lines = new[]
        {
            Paid("Council", "ACME CARE LTD", 10_000m, 3.April(2024), "A1", "Care Spot"),
            Paid("NHS Trust", "Acme Care Limited", 25_000m, 3.March(2025), "B1", "Agency Staff"),
        };

        var finding = Assert.Single(WasteFindings.FromSharedSuppliers(SharedSupplierAnalysis.Find(lines, SupplierResolver.Resolve(lines))));

        Assert.EndsWith("by 2 partners under 2 expense types", finding.Title, StringComparison.Ordinal);
        Assert.Contains("Contracts are not counted: none of these lines carries a contract or purchase-order number.", finding.Explanation);
    }

    [Property(MaxTest = 100)]
    public bool Find_EveryBreakdownSumsToTheTotal(int seed)
    {
        var rnd = new Random(seed);
        var lines = Enumerable.Range(0, 60).Select(_ => Paid(
            "P" + rnd.Next(4), "SUPPLIER " + (char)('A' + rnd.Next(5)) + " LTD", rnd.Next(-50, 5000) + (rnd.Next(100) / 100m),
            1.January(2023).AddDays(rnd.Next(900)), "R", "Type " + rnd.Next(3))).ToList();

        return SharedSupplierAnalysis.Find(lines, SupplierResolver.Resolve(lines)).All(s =>
            s.ByPartner.Sum(p => p.Amount) == s.Total && s.ByYear.Sum(y => y.Amount) == s.Total && s.ByExpenseType.Sum(t => t.Amount) == s.Total);
    }
}
