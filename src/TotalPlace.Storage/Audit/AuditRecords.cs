using System.Globalization;
using System.Text.Json.Nodes;
using TotalPlace.Core.Assets;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Core.Waste;

namespace TotalPlace.Storage.Audit;

/// <summary>The audit entries of the partnership and waste operations, built in one place so that every engine's
/// implementation of those stores writes the same entry with one call inside its transaction.</summary>
public static class AuditRecords
{
    /// <summary>An offer saved: created when <paramref name="beforeDocument"/> is null, otherwise updated, with the
    /// changes between the saved offer files (docs/offers.md) as details.</summary>
    /// <param name="beforeDocument">The offer file stored before the save, or null for a new offer.</param>
    /// <param name="after">The offer as saved.</param>
    /// <param name="action">Overrides the action (e.g. <see cref="AuditActions.OfferActualRecorded"/>).</param>
    public static AuditRecord OfferSaved(string? beforeDocument, Offer after, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(after);
        var afterNode = JsonNode.Parse(OfferFile.Write(after));
        var beforeNode = beforeDocument is null ? null : JsonNode.Parse(beforeDocument);
        var pool = after.Pool?.TotalContributed.Pounds ?? 0m;
        var details = new JsonObject
        {
            ["title"] = after.Title,
            ["status"] = after.Status.ToString(),
            ["version"] = after.Version,
            ["poolTotal"] = pool,
        };
        string summary;
        if (beforeNode is null)
        {
            action ??= AuditActions.OfferCreated;
            summary = $"Created offer '{after.Title}' ({after.Status}, pool {Pounds(pool)}).";
        }
        else
        {
            action ??= AuditActions.OfferUpdated;
            var count = AuditDiff.Count(beforeNode, afterNode);
            details["changeCount"] = count;
            details["changes"] = AuditDiff.Compare(beforeNode, afterNode);
            summary = $"Changed offer '{after.Title}': {count} value{(count == 1 ? "" : "s")} changed.";
        }

        return new AuditRecord(action, AuditSubjects.Offer, after.Id, after.PlaceCode.Trim().ToUpperInvariant(), after.Pool?.AccountableBody ?? "", summary, details);
    }

    /// <summary>An outcome actual recorded against an offer (the offer is saved again with it).</summary>
    public static AuditRecord ActualRecorded(string? beforeDocument, Offer after, OutcomeActual actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var record = OfferSaved(beforeDocument, after, AuditActions.OfferActualRecorded);
        record.Details!["actual"] = new JsonObject { ["outcome"] = actual.Outcome, ["date"] = actual.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["value"] = actual.Value };
        return record with { Summary = $"Recorded {actual.Value.ToString(CultureInfo.InvariantCulture)} for outcome '{actual.Outcome}' on {actual.Date:yyyy-MM-dd} in offer '{after.Title}'." };
    }

    /// <summary>A waste run replaced the place's findings.</summary>
    public static AuditRecord FindingsSaved(string placeCode, IReadOnlyList<WasteFinding> findings, int previousCount)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var total = findings.Sum(f => f.MoneyAtStake);
        var byKind = new JsonObject();
        foreach (var group in findings.GroupBy(f => f.Kind).OrderBy(g => g.Key))
        {
            byKind[group.Key.ToString()] = group.Count();
        }

        return new AuditRecord(
            AuditActions.WasteAnalysed,
            AuditSubjects.WasteRun,
            Code(placeCode),
            Code(placeCode),
            "",
            $"Waste analysis: {findings.Count:N0} findings ({Pounds(total)} at stake), replacing {previousCount:N0}.",
            new JsonObject { ["findings"] = findings.Count, ["previousFindings"] = previousCount, ["moneyAtStake"] = total, ["byKind"] = byKind });
    }

    /// <summary>A reviewer's decision on a finding, with the state it had before.</summary>
    public static AuditRecord DecisionRecorded(string placeCode, FindingDecision decision, ReviewState before)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new AuditRecord(
            AuditActions.FindingReviewed,
            AuditSubjects.Finding,
            decision.FindingKey,
            Code(placeCode),
            "",
            $"Finding {decision.FindingKey}: {before} → {decision.State}{(string.IsNullOrWhiteSpace(decision.Note) ? "" : $" ({decision.Note})")}.",
            new JsonObject
            {
                ["before"] = before.ToString(),
                ["after"] = decision.State.ToString(),
                ["note"] = decision.Note,
                ["decidedBy"] = decision.DecidedBy,
                ["decidedAt"] = decision.DecidedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            },
            decision.DecidedBy);
    }

    /// <summary>A reviewer's supplier merge or split.</summary>
    public static AuditRecord SupplierDecided(string placeCode, SupplierDecision decision, string decidedBy)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new AuditRecord(
            AuditActions.SupplierDecided,
            AuditSubjects.Supplier,
            $"{decision.NameA} | {decision.NameB}",
            Code(placeCode),
            "",
            $"{decision.Kind} suppliers '{decision.NameA}' and '{decision.NameB}'.",
            new JsonObject { ["kind"] = decision.Kind.ToString(), ["nameA"] = decision.NameA, ["nameB"] = decision.NameB, ["note"] = decision.Note },
            decidedBy);
    }

    /// <summary>A partner's asset register replaced.</summary>
    public static AuditRecord AssetsReplaced(string placeCode, string agency, int before, IReadOnlyList<Asset> after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return new AuditRecord(
            AuditActions.AssetsReplaced,
            AuditSubjects.Assets,
            agency.Trim(),
            Code(placeCode),
            agency.Trim(),
            $"Replaced {agency.Trim()}'s asset register: {before:N0} assets → {after.Count:N0}.",
            new JsonObject { ["before"] = before, ["after"] = after.Count, ["runningCost"] = after.Sum(a => a.RunningCost ?? 0m) });
    }

    /// <summary>A batch published or withdrawn (for the publication feature: call inside its transaction).</summary>
    public static AuditRecord BatchPublication(ImportBatch batch, bool published, string by)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new AuditRecord(
            published ? AuditActions.BatchPublished : AuditActions.BatchUnpublished,
            AuditSubjects.Batch,
            batch.Id.ToString(CultureInfo.InvariantCulture),
            batch.PlaceCode,
            batch.Agency,
            $"{(published ? "Published" : "Withdrew")} batch {batch.Id} ({batch.FileName}, {batch.RowsLoaded:N0} lines, {Pounds(batch.Total)}).",
            new JsonObject { ["file"] = batch.FileName, ["rowsLoaded"] = batch.RowsLoaded, ["total"] = batch.Total, ["published"] = published },
            by);
    }

    /// <summary>A batch deleted with its lines (call inside the deleting transaction).</summary>
    public static AuditRecord BatchDeleted(ImportBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new AuditRecord(
            AuditActions.BatchDeleted,
            AuditSubjects.Batch,
            batch.Id.ToString(CultureInfo.InvariantCulture),
            batch.PlaceCode,
            batch.Agency,
            $"Deleted batch {batch.Id} ({batch.FileName}): {batch.RowsLoaded:N0} lines totalling {Pounds(batch.Total)} removed.",
            new JsonObject
            {
                ["kind"] = batch.Kind,
                ["file"] = batch.FileName,
                ["sha256"] = batch.Sha256,
                ["rowsLoaded"] = batch.RowsLoaded,
                ["total"] = batch.Total,
                ["importedBy"] = batch.ImportedBy,
                ["importedAt"] = batch.ImportedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            });
    }

    /// <summary>A place deleted with everything it held (call inside the deleting transaction).</summary>
    public static AuditRecord PlaceDeleted(PlaceContents contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var rows = new JsonObject();
        foreach (var (table, count) in contents.Rows)
        {
            rows[table] = count;
        }

        return new AuditRecord(
            AuditActions.PlaceDeleted,
            AuditSubjects.Place,
            contents.PlaceCode,
            contents.PlaceCode,
            "",
            $"Deleted place {contents.PlaceCode} ({contents.PlaceName}) with {contents.Describe()}.",
            new JsonObject
            {
                ["name"] = contents.PlaceName,
                ["batches"] = contents.Batches,
                ["transactionLines"] = contents.TransactionLines,
                ["transactionsTotal"] = contents.TransactionsTotal,
                ["statementLines"] = contents.StatementLines,
                ["statementsTotal"] = contents.StatementsTotal,
                ["rows"] = rows,
                ["accountsNamingPlace"] = contents.AccountsNamingPlace,
            });
    }

    /// <summary>A user account created or changed (call inside the saving transaction); no password or hash is
    /// recorded.</summary>
    /// <param name="before">The role, place and agency before, or null for a new account.</param>
    /// <param name="after">The role, place and agency after.</param>
    public static AuditRecord UserSaved(string userName, (string Role, string? Place, string? Agency)? before, (string Role, string? Place, string? Agency) after)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        static JsonObject Node((string Role, string? Place, string? Agency) u) => new() { ["role"] = u.Role, ["place"] = u.Place, ["agency"] = u.Agency };
        var name = userName.Trim();
        if (before is not { } previous)
        {
            return new AuditRecord(AuditActions.UserCreated, AuditSubjects.User, name, after.Place ?? "", after.Agency ?? "", $"Created user {name} ({after.Role}).", new JsonObject { ["after"] = Node(after) });
        }

        var changes = AuditDiff.Compare(Node(previous), Node(after));
        return new AuditRecord(
            AuditActions.UserChanged,
            AuditSubjects.User,
            name,
            after.Place ?? "",
            after.Agency ?? "",
            changes.Count == 0 ? $"Saved user {name} (password or details only)." : $"Changed user {name}: {previous.Role} → {after.Role}.",
            new JsonObject { ["changes"] = changes });
    }

    /// <summary>A user account removed (call inside the removing transaction).</summary>
    public static AuditRecord UserRemoved(string userName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        return new AuditRecord(AuditActions.UserRemoved, AuditSubjects.User, userName.Trim(), "", "", $"Removed user {userName.Trim()}.");
    }

    internal static string Pounds(decimal amount) => amount.ToString("£#,##0.00;-£#,##0.00", CultureInfo.InvariantCulture);

    private static string Code(string placeCode) => placeCode.Trim().ToUpperInvariant();
}
