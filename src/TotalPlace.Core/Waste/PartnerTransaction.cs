using TotalPlace.Core.Spending;

namespace TotalPlace.Core.Waste;

/// <summary>A spend line together with the partner (agency) that paid it, the input of every waste analysis.</summary>
/// <param name="Agency">The partner's name in the partnership, e.g. "Devon County Council".</param>
/// <param name="Line">The published line.</param>
/// <param name="Theme">The theme the store classified the line into, when known (used by the service-overlap analysis).</param>
/// <param name="Id">The store's id of the line, when it came from a store; null for lines built in memory.</param>
/// <param name="SourceFile">The name of the file the line was imported from, when known.</param>
public sealed record PartnerTransaction(string Agency, Transaction Line, string? Theme = null, long? Id = null, string? SourceFile = null);
