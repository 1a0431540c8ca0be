using System.Globalization;
using System.Text.Json.Nodes;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;

namespace TotalPlace.Storage.Audit;

/// <summary>The audit entries of the core store's small edits (places, agencies, rules, themes); null where the
/// operation turned out to change nothing, because the trail lists changes only.</summary>
internal static class StoreAuditRecords
{
    public static AuditRecord? Place(Place? before, Place after)
    {
        var afterNode = PlaceNode(after);
        if (before is null)
        {
            return new AuditRecord(AuditActions.PlaceCreated, AuditSubjects.Place, after.Code, after.Code, "", $"Created place {after.Code} ({after.Name}).", new JsonObject { ["after"] = afterNode });
        }

        var beforeNode = PlaceNode(before);
        var changes = AuditDiff.Compare(beforeNode, afterNode);
        return changes.Count == 0
            ? null
            : new AuditRecord(AuditActions.PlaceUpdated, AuditSubjects.Place, after.Code, after.Code, "", $"Changed place {after.Code} ({after.Name}).", new JsonObject { ["changes"] = changes });
    }

    public static AuditRecord? Agency(string placeCode, Agency? before, Agency after)
    {
        var afterNode = AgencyNode(after);
        if (before is null)
        {
            return new AuditRecord(AuditActions.AgencyCreated, AuditSubjects.Agency, after.Name, placeCode, after.Name, $"Added agency {after.Name} ({after.Kind}).", new JsonObject { ["after"] = afterNode });
        }

        var changes = AuditDiff.Compare(AgencyNode(before), afterNode);
        return changes.Count == 0
            ? null
            : new AuditRecord(AuditActions.AgencyUpdated, AuditSubjects.Agency, after.Name, placeCode, after.Name, $"Changed agency {after.Name}: {before.Kind}/{before.FundingSource} → {after.Kind}/{after.FundingSource}.", new JsonObject { ["changes"] = changes });
    }

    public static AuditRecord Rule(string placeCode, int ruleNo, ClassificationRule rule) =>
        new(
            AuditActions.RuleAdded,
            AuditSubjects.Rule,
            ruleNo.ToString(CultureInfo.InvariantCulture),
            placeCode,
            "",
            $"Added rule {ruleNo}: {ClassificationRules.FieldName(rule.Field)} {rule.Match.ToString().ToLowerInvariant()} '{rule.Pattern}' → {rule.Theme} (priority {rule.Priority}).",
            new JsonObject
            {
                ["ruleNo"] = ruleNo,
                ["field"] = ClassificationRules.FieldName(rule.Field),
                ["match"] = rule.Match.ToString().ToLowerInvariant(),
                ["pattern"] = rule.Pattern,
                ["theme"] = rule.Theme,
                ["priority"] = rule.Priority,
                ["note"] = rule.Note,
            });

    public static AuditRecord RuleMoved(string placeCode, int from, int to) =>
        new(
            AuditActions.RuleMoved,
            AuditSubjects.Rule,
            to.ToString(CultureInfo.InvariantCulture),
            placeCode,
            "",
            $"Moved rule {from} to position {to} (rule {to} took position {from}); among rules of equal priority the earlier wins.",
            new JsonObject { ["from"] = from, ["to"] = to });

    public static AuditRecord? Theme(Theme? before, Theme after)
    {
        if (before is null)
        {
            return new AuditRecord(AuditActions.ThemeAdded, AuditSubjects.Theme, after.Code, "", "", $"Added theme {after.Code} ({after.Name}).", new JsonObject { ["code"] = after.Code, ["name"] = after.Name });
        }

        return string.Equals(before.Name, after.Name, StringComparison.Ordinal)
            ? null
            : new AuditRecord(AuditActions.ThemeRenamed, AuditSubjects.Theme, after.Code, "", "", $"Renamed theme {after.Code}: '{before.Name}' → '{after.Name}'.", new JsonObject { ["before"] = before.Name, ["after"] = after.Name });
    }

    private static JsonObject PlaceNode(Place place)
    {
        var population = new JsonObject();
        foreach (var (year, count) in place.Population.OrderBy(p => p.Key))
        {
            population[year.ToString(CultureInfo.InvariantCulture)] = count;
        }

        return new JsonObject { ["name"] = place.Name, ["population"] = population };
    }

    private static JsonObject AgencyNode(Agency agency) =>
        new() { ["name"] = agency.Name, ["kind"] = agency.Kind.ToString(), ["fundingSource"] = agency.FundingSource.ToString() };
}
