using TotalPlace.Core.Waste;
using TotalPlace.Storage;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Application.Waste;

/// <summary>A reviewer's supplier merge (two published names are one supplier) or split (they are different).</summary>
/// <param name="DecidedBy">Who decided; when not given, the ambient actor (<see cref="AuditActor"/>), else "system".</param>
public sealed record RecordSupplierDecisionRequest(string PlaceCode, SupplierDecisionKind Kind, string NameA, string NameB, string? Note = null, string? DecidedBy = null);

/// <summary>The use case "merge or split two suppliers": the names are trimmed; the store keeps the
/// decision and supplier resolution applies it, over the algorithm, on every later waste run.</summary>
public sealed class RecordSupplierDecision(IPlaceStore store, TimeProvider clock)
{
    /// <exception cref="WasteRequestRefusedException">A name is blank, or both names are the same.</exception>
    public async Task<SupplierDecision> ExecuteAsync(RecordSupplierDecisionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var a = request.NameA?.Trim() ?? "";
        var b = request.NameB?.Trim() ?? "";
        if (a.Length == 0 || b.Length == 0)
        {
            throw new WasteRequestRefusedException("A supplier decision needs two supplier names.", WasteRefusal.Invalid);
        }

        var decision = new SupplierDecision(request.Kind, a, b, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
        await store.Waste.AddSupplierDecisionAsync(request.PlaceCode.Trim(), decision, string.IsNullOrWhiteSpace(request.DecidedBy) ? AuditActor.Resolve() : request.DecidedBy.Trim(), clock.GetUtcNow(), cancellationToken);
        return decision;
    }
}
