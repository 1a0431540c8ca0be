namespace TotalPlace.Storage.Counting;

/// <summary>The lines of one partner's transaction files for a year, summed by the store.</summary>
/// <param name="PartnerKey">The partner.</param>
/// <param name="Total">The sum of every line of its files for the year.</param>
/// <param name="Lines">How many lines.</param>
/// <param name="Months">The first day of each calendar month that has lines.</param>
/// <param name="OutOfYearLines">Lines dated outside the financial year.</param>
/// <param name="OutOfYearTotal">Their sum.</param>
public sealed record PartnerLines(string PartnerKey, decimal Total, int Lines, IReadOnlyList<DateOnly> Months, int OutOfYearLines, decimal OutOfYearTotal);
