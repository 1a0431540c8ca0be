using System.ComponentModel;
using System.Text.Json;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Web.Api;

/// <summary>One audit entry as the API returns it: the details as a JSON object rather than text.</summary>
public sealed record AuditEntryResponse(
    [property: Description("Increasing with time.")] long Id,
    [property: Description("When the change was committed (UTC).")] DateTimeOffset At,
    [property: Description("Who made it: a user name, 'anonymous', or 'system'.")] string Actor,
    [property: Description("What was done, e.g. batch.imported.")] string Action,
    [property: Description("The kind of thing changed, e.g. batch.")] string SubjectKind,
    [property: Description("Its id, e.g. the batch id.")] string SubjectId,
    [property: Description("The place's GSS code; empty for store-wide changes.")] string PlaceCode,
    [property: Description("The agency concerned, or empty.")] string Agency,
    [property: Description("One readable sentence.")] string Summary,
    [property: Description("What changed: before and after for edits, counts and totals for imports, money moved for re-classification.")] JsonElement Details)
{
    public static AuditEntryResponse From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var details = JsonDocument.Parse(entry.Details);
        return new(entry.Id, entry.At, entry.Actor, entry.Action, entry.SubjectKind, entry.SubjectId, entry.PlaceCode, entry.Agency, entry.Summary, details.RootElement.Clone());
    }
}
