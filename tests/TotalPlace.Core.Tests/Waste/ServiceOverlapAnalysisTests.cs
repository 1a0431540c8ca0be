using TotalPlace.Core.Waste;
using TotalPlace.Testing;
using static TotalPlace.Core.Tests.Waste.Lines;

namespace TotalPlace.Core.Tests.Waste;

public sealed class ServiceOverlapAnalysisTests
{
    [Fact]
    public void Find_HousingSupportBoughtByThreePartners_ShowsMoneyByPartnerAndTheOverlap()
    {
        var lines = new[]
        {
            Paid("Council", "HOMES FIRST LTD", 300_000m, 3.April(2024), "1", "Supported Housing", "housing"),
            Paid("NHS Trust", "SAFE STEPS CIC", 120_000m, 3.April(2024), "2", "Supported housing", "housing"),
            Paid("Probation", "HOMES FIRST LTD", 80_000m, 3.April(2024), "3", "SUPPORTED HOUSING", "housing"),
            Paid("Council", "PAPER CO", 5_000m, 3.April(2024), "4", "Stationery", "corporate-back-office"),
        };

        var overlap = Assert.Single(ServiceOverlapAnalysis.Find(lines, SupplierResolver.Resolve(lines)));

        Assert.Equal("housing", overlap.Theme);
        Assert.Equal(500_000m, overlap.Total);
        Assert.Equal(200_000m, overlap.Overlap);
        Assert.Equal(2, overlap.Suppliers);
        Assert.Equal(["Council", "NHS Trust", "Probation"], overlap.ByPartner.Select(p => p.Agency));
    }

    [Theory]
    [InlineData("Rents", "rent")]
    [InlineData("Repairs & Maintenance", "repair and maintenance")]
    [InlineData("  Care Spot - Private (3rd) ", "care spot private 3rd")]
    [InlineData("Business", "business")]
    public void ExpenseKey_GroupsSpellingsOfOneExpenseType(string raw, string expected) =>
        Assert.Equal(expected, ServiceOverlapAnalysis.ExpenseKey(raw));
}
