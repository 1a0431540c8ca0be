using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TotalPlace.Storage.Audit;

/// <summary>The hash chain over the audit trail (migration 310): each entry stores the SHA-256 of its canonical form,
/// which includes the hash of the entry before it, so editing, deleting or inserting an entry anywhere but after the
/// last one breaks every later link. docs/audit.md defines the canonical form.</summary>
/// <remarks>The canonical form is the UTF-8 bytes of, in this order, one field per line:
/// <c>totalplace-audit-v1</c>, then for each of id, at, actor, action, subject_kind, subject_id, place_code, agency,
/// summary, details, prev_hash: the field's length in UTF-8 bytes (decimal digits), a colon, the field's UTF-8 bytes,
/// and a line feed (0x0A). The id is its decimal digits (invariant, no sign, no leading zeros); at is the UTC time to
/// the microsecond as <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>; details is the JSON text exactly as stored, so an amount
/// is hashed as the digits written (<c>50637.85</c> and <c>50637.850</c> are different entries); prev_hash is the
/// previous entry's hash in lower-case hex, or <see cref="Genesis"/> (64 zeros) for the first entry. The length
/// prefix makes the form unambiguous whatever a field contains (line feeds, colons, any Unicode).</remarks>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The first line of every canonical form; a later form would change it.</summary>
    public const string Version = "totalplace-audit-v1";

    /// <summary>The entry's time as it is hashed: UTC, to the microsecond.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The canonical bytes of an entry chained after <paramref name="previousHash"/>.</summary>
    public static byte[] Canonical(AuditEntry entry, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(previousHash);
        using var buffer = new MemoryStream();
        void Line(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            buffer.Write(bytes);
            buffer.WriteByte((byte)'\n');
        }

        void Field(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            buffer.Write(Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + ":"));
            buffer.Write(bytes);
            buffer.WriteByte((byte)'\n');
        }

        Line(Version);
        Field(entry.Id.ToString(CultureInfo.InvariantCulture));
        Field(Timestamp(entry.At));
        Field(entry.Actor);
        Field(entry.Action);
        Field(entry.SubjectKind);
        Field(entry.SubjectId);
        Field(entry.PlaceCode);
        Field(entry.Agency);
        Field(entry.Summary);
        Field(entry.Details);
        Field(previousHash);
        return buffer.ToArray();
    }

    /// <summary>The entry's hash: SHA-256 of <see cref="Canonical"/>, lower-case hex.</summary>
    public static string Hash(AuditEntry entry, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Canonical(entry, previousHash)));

    /// <summary>Walks entries in id order and reports the first that does not chain.</summary>
    /// <param name="entries">Every entry of the store, in ascending id order, with its stored hashes.</param>
    /// <param name="expectHead">When given, the hash the last entry must have (kept outside the store).</param>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entries, string? expectHead = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previous = Genesis;
        long count = 0;
        AuditEntry? last = null;
        var warnings = new List<string>();
        foreach (var entry in entries)
        {
            count++;
            if (entry.Hash is null || entry.PreviousHash is null)
            {
                return AuditVerification.Broken(count, entry.Id, $"entry {entry.Id} has no hash: it was written outside TotalPlace (inserted or backdated by hand)");
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                var reason = last is null
                    ? $"entry {entry.Id} is the first entry but names a previous hash {Short(entry.PreviousHash)}: entries before it were deleted"
                    : $"entry {entry.Id} does not follow entry {last.Id} (it names previous hash {Short(entry.PreviousHash)}, entry {last.Id} hashes to {Short(previous)}): an entry between them was deleted or inserted";
                return AuditVerification.Broken(count, entry.Id, reason);
            }

            var hash = Hash(entry, previous);
            if (!string.Equals(hash, entry.Hash, StringComparison.Ordinal))
            {
                return AuditVerification.Broken(count, entry.Id, $"entry {entry.Id} was changed after it was written (its content hashes to {Short(hash)}, it stores {Short(entry.Hash)})");
            }

            if (last is not null && entry.At < last.At)
            {
                warnings.Add($"entry {entry.Id} is dated {Timestamp(entry.At)}, before entry {last.Id} ({Timestamp(last.At)}): a clock was set back, or the entry was backdated");
            }

            previous = hash;
            last = entry;
        }

        if (expectHead is not null && !string.Equals(expectHead.Trim(), previous, StringComparison.OrdinalIgnoreCase))
        {
            return AuditVerification.Broken(
                count,
                last?.Id,
                $"the chain's head is {Short(previous)} (entry {last?.Id.ToString(CultureInfo.InvariantCulture) ?? "none"}), not the expected {Short(expectHead.Trim())}: entries were removed from the end or the chain was rewritten")
                with
            { Warnings = warnings };
        }

        return new AuditVerification(count, true, null, null, previous, last?.Id) { Warnings = warnings };
    }

    private static string Short(string hash) => hash.Length > 16 ? hash[..16] + "…" : hash;
}

/// <summary>What <see cref="AuditChain.Verify"/> found.</summary>
/// <param name="Entries">Entries checked (up to and including a broken one).</param>
/// <param name="Intact">True when every entry chains and the head matched when one was expected.</param>
/// <param name="BrokenEntryId">The first entry that does not chain, when one does not.</param>
/// <param name="Problem">What is wrong with it, one line.</param>
/// <param name="Head">The last entry's hash when intact (keep it elsewhere to catch a rewritten chain).</param>
/// <param name="HeadEntryId">The last entry's id when intact.</param>
public sealed record AuditVerification(long Entries, bool Intact, long? BrokenEntryId, string? Problem, string? Head, long? HeadEntryId)
{
    /// <summary>Things worth a look that do not break the chain (an entry dated before the one it follows).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    internal static AuditVerification Broken(long count, long? id, string problem) => new(count, false, id, problem, null, null);
}
