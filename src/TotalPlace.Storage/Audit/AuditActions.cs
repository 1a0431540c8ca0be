namespace TotalPlace.Storage.Audit;

/// <summary>The actions the audit trail records, as stored in <c>audit_log.action</c>: "subject.verb", stable text
/// that filters and exports can rely on.</summary>
public static class AuditActions
{
    /// <summary>A batch of transactions or statements was committed.</summary>
    public const string BatchImported = "batch.imported";

    /// <summary>A batch was deleted (for the engine method that deletes batches).</summary>
    public const string BatchDeleted = "batch.deleted";

    /// <summary>A batch was published to the public role (written by the publication feature).</summary>
    public const string BatchPublished = "batch.published";

    /// <summary>A batch was withdrawn from publication.</summary>
    public const string BatchUnpublished = "batch.unpublished";

    /// <summary>A place was created.</summary>
    public const string PlaceCreated = "place.created";

    /// <summary>A place's name or population changed.</summary>
    public const string PlaceUpdated = "place.updated";

    /// <summary>A place was deleted with everything it held (an administrator's correction of a place created by
    /// mistake); the details count the rows removed per table and the money of the lines.</summary>
    public const string PlaceDeleted = "place.deleted";

    /// <summary>A place's stored lines were re-classified by its rules.</summary>
    public const string PlaceReclassified = "place.reclassified";

    /// <summary>An agency was created outside an import.</summary>
    public const string AgencyCreated = "agency.created";

    /// <summary>An agency's kind or funding source changed.</summary>
    public const string AgencyUpdated = "agency.updated";

    /// <summary>A classification rule was added to a place.</summary>
    public const string RuleAdded = "rule.added";

    /// <summary>A classification rule changed places with its neighbour in the rule list.</summary>
    public const string RuleMoved = "rule.moved";

    /// <summary>A theme was added.</summary>
    public const string ThemeAdded = "theme.added";

    /// <summary>A theme was renamed.</summary>
    public const string ThemeRenamed = "theme.renamed";

    /// <summary>An offer (with its pool) was saved for the first time.</summary>
    public const string OfferCreated = "offer.created";

    /// <summary>A saved offer (or its pool) was changed.</summary>
    public const string OfferUpdated = "offer.updated";

    /// <summary>An outcome actual was recorded against an offer.</summary>
    public const string OfferActualRecorded = "offer.actual-recorded";

    /// <summary>A proposal was saved in the store for the first time.</summary>
    public const string ProposalCreated = "proposal.created";

    /// <summary>A saved proposal was changed.</summary>
    public const string ProposalUpdated = "proposal.updated";

    /// <summary>A proposal's appraisal was attached to an offer.</summary>
    public const string ProposalAttached = "proposal.attached";

    /// <summary>A waste analysis replaced a place's findings.</summary>
    public const string WasteAnalysed = "waste.analysed";

    /// <summary>A reviewer decided on a waste finding.</summary>
    public const string FindingReviewed = "finding.reviewed";

    /// <summary>A reviewer merged or split two supplier names.</summary>
    public const string SupplierDecided = "supplier.decided";

    /// <summary>A partner's asset register was replaced.</summary>
    public const string AssetsReplaced = "assets.replaced";

    /// <summary>A user account was created (written by the identity feature).</summary>
    public const string UserCreated = "user.created";

    /// <summary>A user's roles or agency changed (written by the identity feature).</summary>
    public const string UserChanged = "user.changed";

    /// <summary>A user account was removed or disabled (written by the identity feature).</summary>
    public const string UserRemoved = "user.removed";

    /// <summary>A column mapping was remembered for a publisher's header (import wizard or --mapping).</summary>
    public const string MappingRemembered = "mapping.remembered";
}
