namespace TotalPlace.Storage.Audit;

/// <summary>The kinds of thing an audit entry is about, as stored in <c>audit_log.subject_kind</c>.</summary>
public static class AuditSubjects
{
    public const string Batch = "batch";
    public const string Place = "place";
    public const string Agency = "agency";
    public const string Rule = "rule";
    public const string Theme = "theme";
    public const string Offer = "offer";
    public const string Proposal = "proposal";
    public const string Finding = "finding";
    public const string Supplier = "supplier";
    public const string Assets = "assets";
    public const string WasteRun = "waste";
    public const string User = "user";
    public const string Mapping = "mapping";
}
