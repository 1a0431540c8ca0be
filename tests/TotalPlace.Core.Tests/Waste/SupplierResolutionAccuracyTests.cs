using System.Globalization;
using TotalPlace.Core.Waste;

namespace TotalPlace.Core.Tests.Waste;

/// <summary>Pairwise precision and recall of supplier resolution on real names labelled by hand.</summary>
public sealed class SupplierResolutionAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Resolve_LabelledRealSupplierNames_PairwisePrecisionAtLeast098AndRecallAtLeast090()
    {
        // Given: real supplier names from Devon (2014, 2025), MoJ (2012) and NHSBSA (2013) spend files, labelled by hand
        var rows = LabelledSuppliers.Load().Where(r => !r.Personal).ToList();
        Assert.True(rows.Count > 2500, "the labelled set should hold the full sample of names");

        // When
        var resolution = SupplierResolver.Resolve(rows.Select(r => r.Entry));

        // Then: every pair of rows the algorithm put together is compared with the labels
        var predicted = rows.Select(r => resolution.ClusterOf(r.Entry)?.Key ?? "excluded:" + r.Entry).ToList();
        long truePositive = 0, falsePositive = 0, falseNegative = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = i + 1; j < rows.Count; j++)
            {
                var same = rows[i].Cluster == rows[j].Cluster;
                var joined = predicted[i] == predicted[j];
                if (same && joined)
                {
                    truePositive++;
                }
                else if (joined)
                {
                    falsePositive++;
                    output.WriteLine($"FALSE JOIN: {rows[i].Entry.Name} | {rows[j].Entry.Name}");
                }
                else if (same)
                {
                    falseNegative++;
                    output.WriteLine($"MISSED: {rows[i].Entry.Name} | {rows[j].Entry.Name}");
                }
            }
        }

        var precision = (double)truePositive / (truePositive + falsePositive);
        var recall = (double)truePositive / (truePositive + falseNegative);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows {rows.Count}; true pairs {truePositive + falseNegative}; predicted pairs {truePositive + falsePositive}; TP {truePositive} FP {falsePositive} FN {falseNegative}; precision {precision:0.000}; recall {recall:0.000}"));
        Assert.True(precision >= 0.98, $"precision {precision:0.000} is below 0.98");
        Assert.True(recall >= 0.90, $"recall {recall:0.000} is below 0.90");
    }

    [Fact]
    public void Resolve_LabelledPersonalNames_AreKeptOutOfMatching()
    {
        var personal = LabelledSuppliers.Load().Where(r => r.Personal).ToList();
        var resolution = SupplierResolver.Resolve(personal.Select(r => r.Entry));

        Assert.All(personal, r => Assert.Equal(SupplierEntryKind.Personal, resolution.ExclusionOf(r.Entry)));
    }
}
