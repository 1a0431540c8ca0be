using System.Text.Json.Nodes;

namespace TotalPlace.Storage.Audit;

/// <summary>What changed between two JSON documents, as a list of <c>{ "path", "before", "after" }</c> changes: the
/// "what changed" of an edit's audit entry, computed from the saved document before and after.</summary>
/// <remarks>Objects are compared by property and arrays by position, down to the values that differ; a property or
/// element only on one side has a null on the other. Lists longer than <see cref="MaxChanges"/> are cut, with the
/// count kept, so one huge edit cannot bloat the trail.</remarks>
public static class AuditDiff
{
    /// <summary>The most changes listed in one entry.</summary>
    public const int MaxChanges = 200;

    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>; empty when they are equal.</summary>
    public static JsonArray Compare(JsonNode? before, JsonNode? after)
    {
        var changes = new List<(string Path, JsonNode? Before, JsonNode? After)>();
        Walk("$", before, after, changes);
        var array = new JsonArray();
        foreach (var (path, b, a) in changes.Take(MaxChanges))
        {
            array.Add(new JsonObject { ["path"] = path, ["before"] = b?.DeepClone(), ["after"] = a?.DeepClone() });
        }

        return array;
    }

    /// <summary>How many values differ (uncapped), for a summary line.</summary>
    public static int Count(JsonNode? before, JsonNode? after)
    {
        var changes = new List<(string, JsonNode?, JsonNode?)>();
        Walk("$", before, after, changes);
        return changes.Count;
    }

    private static void Walk(string path, JsonNode? before, JsonNode? after, List<(string, JsonNode?, JsonNode?)> changes)
    {
        switch (before, after)
        {
            case (JsonObject b, JsonObject a):
                foreach (var name in b.Select(p => p.Key).Union(a.Select(p => p.Key), StringComparer.Ordinal))
                {
                    Walk($"{path}.{name}", b[name], a[name], changes);
                }

                break;
            case (JsonArray b, JsonArray a):
                for (var i = 0; i < Math.Max(b.Count, a.Count); i++)
                {
                    Walk($"{path}[{i}]", i < b.Count ? b[i] : null, i < a.Count ? a[i] : null, changes);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(before, after))
                {
                    changes.Add((path, before, after));
                }

                break;
        }
    }
}
