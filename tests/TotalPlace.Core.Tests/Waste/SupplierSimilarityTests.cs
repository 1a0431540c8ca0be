using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TotalPlace.Core.Waste;

namespace TotalPlace.Core.Tests.Waste;

/// <summary>The early stop of the similarity score never changes a decision.</summary>
public sealed class SupplierSimilarityTests
{
    private static readonly string[] s_words = ["ACME", "ACMES", "CARE", "CAER", "SERVICES", "SERV", "HOMES", "HOME", "TRUST", "DEVON", "DEVONN", "0", "17"];

    [Property(MaxTest = 500)]
    public Property Similarity_WithEarlyStop_AgreesWithTheFullScoreAboutTheThreshold() =>
        Prop.ForAll(Names().ToArbitrary(), Names().ToArbitrary(), Gen.Choose(50, 100).ToArbitrary(), (a, b, percent) =>
        {
            var threshold = percent / 100.0;
            var weight = s_words.Select((_, i) => 0.5 + (i % 5)).ToArray();
            var total = a.Sum(t => weight[t]) + b.Sum(t => weight[t]);
            var full = SupplierResolver.Similarity(a, b, s_words, weight, total, 0, 5);
            var stopped = SupplierResolver.Similarity(a, b, s_words, weight, total, threshold, 5);
            return full >= threshold ? stopped == full : stopped < threshold;
        });

    [Fact]
    public void Resolve_ManyNamesSharingTheirFirstTwoWords_StillJoinsEachVariantToItsName()
    {
        // Given: 90 names that share their first two words (one block of 180, met again in each number's own block), each also published with a suffix and a typo
        var entries = new List<SupplierEntry>();
        for (var i = 0; i < 90; i++)
        {
            entries.Add(new SupplierEntry("Council", $"ALDER CARE SERVICES {i} LTD"));
            entries.Add(new SupplierEntry("NHS Trust", $"Alder Care Servics {i} Limited"));
        }

        // When
        var resolution = SupplierResolver.Resolve(entries);

        // Then: one cluster per number, holding both spellings
        Assert.Equal(90, resolution.Clusters.Count);
        Assert.All(resolution.Clusters, c => Assert.Equal(2, c.Members.Count));
    }

    private static Gen<int[]> Names() =>
        Gen.Choose(0, s_words.Length - 1).ArrayOf().Select(ids => ids.Distinct().ToArray());
}
