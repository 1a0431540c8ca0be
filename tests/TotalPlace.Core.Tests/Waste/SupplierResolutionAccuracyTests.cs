using System.Globalization;
using TotalPlace.Core.Waste;

namespace TotalPlace.Core.Tests.Waste;

/// <summary>Pairwise precision and recall of supplier resolution on real names labelled by the publisher's own vendor
/// numbers (see <see cref="LabelledSuppliers"/> and docs/performance/waste.md).</summary>
public sealed class SupplierResolutionAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Resolve_DevonNamesLabelledByVendorNumber_PairwisePrecisionAndRecallHoldTheirFloors()
    {
        // Given: Devon's supplier names of 2014 and 2025, labelled by vendor number, which the resolver does not see
        var labelled = LabelledSuppliers.Load();
        Assert.True(labelled.Count > 2500, "the labelled set should hold every distinct Devon supplier name");

        // When
        var resolution = SupplierResolver.Resolve(labelled.Select(r => r.Entry).Distinct());

        // Then: names the resolver keeps out of matching (individuals) are counted and left out of the pairs
        var rows = labelled.Where(r => resolution.ExclusionOf(r.Entry) is null).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"labelled rows {labelled.Count}; kept out of matching {labelled.Count - rows.Count}"));

        // and every pair of the rest that the algorithm put together is compared with the labels
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
        Assert.True(precision >= PrecisionFloor, $"precision {precision:0.000} is below {PrecisionFloor}");
        Assert.True(recall >= RecallFloor, $"recall {recall:0.000} is below {RecallFloor}");
    }

    // Floors a little under the figures measured when the set was derived (docs/performance/waste.md), so a change
    // that loses matches or adds false joins fails here.
    private const double PrecisionFloor = 0.55;
    private const double RecallFloor = 0.88;

    /// <summary>Invented individuals' names, written the ways ledgers list people (surname and forename either way round,
    /// surname and initials, a title first); none is taken from a published file.</summary>
    public static TheoryData<string> InventedPersonalNames =>
    [
        "QUENNELL SARAH", "HARROWBY EDWARD", "JULIE PENDLEBURY", "MR T ASHCOMBE", "MRS D VELLACOTT", "DR R TREMLETT",
        "WINTERBOURNE J", "FAIRWEATHER K L", "CHALLACOMBE JAMES R", "MISS E PRIDEAUX", "REV M CAUNTER", "LANGWORTHY PETER",
    ];

    [Theory]
    [MemberData(nameof(InventedPersonalNames))]
    public void Resolve_AnIndividualsName_IsKeptOutOfMatching(string name)
    {
        var entry = new SupplierEntry(LabelledSuppliers.Agency, name);

        var resolution = SupplierResolver.Resolve([entry]);

        Assert.Equal(SupplierEntryKind.Personal, resolution.ExclusionOf(entry));
    }
}
