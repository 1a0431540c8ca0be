using TotalPlace.Core.Spending;

namespace TotalPlace.Storage.Counting;

/// <summary>A partner's transaction file of a package, read and ready to commit as one batch.</summary>
/// <param name="PartnerKey">The partner whose lines these are.</param>
/// <param name="Path">The path in the package.</param>
/// <param name="Period">The period as the package states it.</param>
/// <param name="Header">The batch's provenance (its agency is the partner's name).</param>
/// <param name="Lines">The accepted lines.</param>
/// <param name="Detail">What was read (per sheet rows and totals, notes).</param>
public sealed record PackageTransactionFile(string PartnerKey, string Path, string Period, BatchHeader Header, IReadOnlyList<Transaction> Lines, IReadOnlyList<string> Detail);
