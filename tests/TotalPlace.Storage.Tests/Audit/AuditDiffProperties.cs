using System.Text.Json.Nodes;
using FsCheck.Xunit;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Storage.Tests.Audit;

/// <summary>The "what changed" of an edit: the diff lists exactly the values that differ, each once, with both sides.</summary>
public sealed class AuditDiffProperties
{
    private static JsonObject Document(Dictionary<byte, int> values, int[] list)
    {
        var fields = new JsonObject();
        foreach (var (key, value) in values)
        {
            fields[$"f{key}"] = value;
        }

        return new JsonObject { ["fields"] = fields, ["list"] = new JsonArray([.. list.Select(v => (JsonNode?)v)]) };
    }

    [Property]
    public bool Compare_SameDocument_IsEmpty(Dictionary<byte, int> values, int[] list) =>
        AuditDiff.Compare(Document(values, list), Document(values, list)).Count == 0;

    [Property]
    public bool Compare_ListsExactlyTheFieldsThatDiffer(Dictionary<byte, int> before, Dictionary<byte, int> after)
    {
        var expected = before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b)
            .Select(k => $"$.fields.f{k}")
            .Order(StringComparer.Ordinal)
            .ToList();

        var changes = AuditDiff.Compare(Document(before, []), Document(after, []));

        var paths = changes.Select(c => (string)c!["path"]!).Order(StringComparer.Ordinal).ToList();
        var sidesRight = changes.All(c =>
        {
            var key = byte.Parse(((string)c!["path"]!)["$.fields.f".Length..], System.Globalization.CultureInfo.InvariantCulture);
            return (before.TryGetValue(key, out var b) ? (int?)b : null) == (int?)c["before"]
                && (after.TryGetValue(key, out var a) ? (int?)a : null) == (int?)c["after"];
        });
        return paths.SequenceEqual(expected, StringComparer.Ordinal) && sidesRight && AuditDiff.Count(Document(before, []), Document(after, [])) == expected.Count;
    }

    [Property]
    public bool Compare_Lists_AreComparedByPosition(int[] before, int[] after)
    {
        var changes = AuditDiff.Compare(Document([], before), Document([], after));
        var expected = Enumerable.Range(0, Math.Max(before.Length, after.Length))
            .Count(i => i >= before.Length || i >= after.Length || before[i] != after[i]);
        return changes.Count == Math.Min(expected, AuditDiff.MaxChanges);
    }
}
