using TotalPlace.Core.Counting;

namespace TotalPlace.Storage.Counting;

/// <summary>An official return of a package, with the statements of every partner it covers, committed as one batch.</summary>
/// <param name="Path">The path in the package.</param>
/// <param name="Header">The batch's provenance.</param>
/// <param name="Uses">Which partner takes which rows: (partner key, role, period, body code).</param>
/// <param name="Statements">The statements read for those bodies.</param>
public sealed record PackageStatementFile(string Path, BatchHeader Header, IReadOnlyList<(string PartnerKey, string Role, string Period, string BodyCode)> Uses, IReadOnlyList<OfficialStatement> Statements);
