using TotalPlace.Core.Counting;

namespace TotalPlace.Import.Official;

/// <summary>A share read from an allocation table: the place's part of an organisation's population.</summary>
/// <param name="Organisation">The organisation's code (e.g. ICB "QE1").</param>
/// <param name="Area">The place's code (e.g. "E07000120").</param>
/// <param name="Measure">The column summed, as published (e.g. "pop 2023/24", "Final WP").</param>
/// <param name="InArea">The sum over the organisation's units located in the area.</param>
/// <param name="Whole">The sum over all the organisation's units.</param>
/// <param name="UnitsInArea">How many units (GP practices) are in the area.</param>
/// <param name="Units">How many units the organisation has.</param>
public sealed record AllocationShare(string Organisation, string Area, string Measure, decimal InArea, decimal Whole, int UnitsInArea, int Units)
{
    /// <summary>The share, with its basis in words.</summary>
    public PartnerShare ToShare(string fileName) => PartnerShare.FromFraction(InArea, Whole,
        $"{Measure} of the {UnitsInArea} {Organisation} GP practices located in {Area} / all {Units} {Organisation} practices ({fileName}); practice location, not residence");
}
