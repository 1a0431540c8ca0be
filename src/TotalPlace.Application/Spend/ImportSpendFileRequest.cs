using TotalPlace.Core.Places;
using TotalPlace.Import;

namespace TotalPlace.Application.Spend;

/// <summary>Import one published spend file into a place for one partner.</summary>
/// <param name="PlaceCode">The place's GSS code.</param>
/// <param name="Agency">The partner that published the file; its kind is set when given, kept when null.</param>
/// <param name="AgencyKind">The partner's kind, or null to keep what the store holds (Other when new).</param>
/// <param name="File">The file.</param>
/// <param name="Options">How to read it (mapping, date order, whether to load only the valid rows).</param>
/// <param name="ImportedBy">Who imports it, for the batch and the audit trail; the ambient
/// <see cref="Storage.Audit.AuditActor"/> wins when one is set, "system" when neither is.</param>
/// <param name="Viewer">What the importer may see: when the same file is already stored for another agency, the
/// refusal names that agency and batch only if this viewer may see the batch; null (the default) never names it.
/// The CLI, which works on the store directly, passes <see cref="Storage.Identity.Visibility.All"/>.</param>
/// <param name="RememberMapping">When the options carry a mapping the user gave (the import wizard's columns, a
/// mapping file) and the file is committed, remember it for the agency's next file with the same header.</param>
/// <param name="UseRememberedMapping">When the options carry no mapping, read the file with the mapping remembered
/// for the agency and the file's header, if there is one (default true).</param>
public sealed record ImportSpendFileRequest(
    string PlaceCode,
    string Agency,
    AgencyKind? AgencyKind,
    SpendFileSource File,
    SpendReadOptions Options,
    string? ImportedBy = null,
    Storage.Identity.Visibility? Viewer = null,
    bool RememberMapping = false,
    bool UseRememberedMapping = true);
