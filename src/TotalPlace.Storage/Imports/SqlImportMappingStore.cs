using System.Data.Common;
using System.Text.Json.Nodes;
using TotalPlace.Storage.Audit;
using static TotalPlace.Storage.SqlCommands;

namespace TotalPlace.Storage.Imports;

/// <summary>Remembered import mappings (migration 010), written once in portable SQL for every engine.</summary>
internal sealed class SqlImportMappingStore<TConnection>(ISqlEngine<TConnection> engine) : IImportMappingStore
    where TConnection : DbConnection
{
    private const string MappingColumns = "p.code, m.agency, m.header_signature, m.header_text, m.mapping, m.file_name, m.saved_by, m.saved_at";

    /// <inheritdoc/>
    public async Task SaveMappingAsync(RememberedMapping mapping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentException.ThrowIfNullOrWhiteSpace(mapping.Agency);
        ArgumentException.ThrowIfNullOrWhiteSpace(mapping.HeaderSignature);
        ArgumentException.ThrowIfNullOrWhiteSpace(mapping.MappingJson);
        var code = CheckCode(mapping.PlaceCode);
        await engine.WriteAsync(
            async connection =>
            {
                var placeId = await ScalarAsync<int?>(connection, "SELECT place_id FROM place WHERE code = $1", cancellationToken, code)
                    ?? throw new PlaceStoreException($"There is no place {code} to remember a mapping for; import a file for it first.");
                var key = AgencyKey(mapping.Agency);
                var before = await ScalarAsync<string>(
                    connection,
                    "SELECT mapping FROM import_mapping WHERE place_id = $1 AND agency_key = $2 AND header_signature = $3",
                    cancellationToken,
                    placeId,
                    key,
                    mapping.HeaderSignature);
                await ExecuteAsync(
                    connection,
                    "DELETE FROM import_mapping WHERE place_id = $1 AND agency_key = $2 AND header_signature = $3",
                    cancellationToken,
                    placeId,
                    key,
                    mapping.HeaderSignature);
                await ExecuteAsync(
                    connection,
                    "INSERT INTO import_mapping (place_id, agency_key, header_signature, agency, header_text, mapping, file_name, saved_by, saved_at) " +
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    cancellationToken,
                    placeId,
                    key,
                    mapping.HeaderSignature,
                    mapping.Agency.Trim(),
                    mapping.Header,
                    mapping.MappingJson,
                    mapping.FileName,
                    mapping.SavedBy,
                    mapping.SavedAt.UtcDateTime);
                await SqlAuditTrail.AppendAsync(
                    connection,
                    new AuditRecord(
                        AuditActions.MappingRemembered,
                        AuditSubjects.Mapping,
                        mapping.HeaderSignature,
                        code,
                        mapping.Agency.Trim(),
                        before is null
                            ? $"Remembered the column mapping confirmed on {mapping.FileName} for {mapping.Agency.Trim()}'s files with this header."
                            : $"Replaced the column mapping remembered for {mapping.Agency.Trim()}'s files with this header, as confirmed on {mapping.FileName}.",
                        new JsonObject
                        {
                            ["file"] = mapping.FileName,
                            ["header"] = mapping.Header,
                            ["before"] = before is null ? null : JsonNode.Parse(before),
                            ["after"] = JsonNode.Parse(mapping.MappingJson),
                        },
                        mapping.SavedBy),
                    cancellationToken);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<RememberedMapping?> FindMappingAsync(string placeCode, string agency, IReadOnlyList<string> signatures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        if (string.IsNullOrWhiteSpace(agency) || signatures.Count == 0)
        {
            return null;
        }

        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        var found = await QueryAsync(
            connection,
            $"SELECT {MappingColumns} FROM import_mapping m JOIN place p ON p.place_id = m.place_id WHERE p.code = $1 AND m.agency_key = $2",
            ReadMapping,
            cancellationToken,
            CheckCode(placeCode),
            AgencyKey(agency));
        foreach (var signature in signatures)
        {
            if (found.FirstOrDefault(m => string.Equals(m.HeaderSignature, signature, StringComparison.Ordinal)) is { } match)
            {
                return match;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RememberedMapping>> ListMappingsAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await engine.OpenConnectionAsync(cancellationToken);
        return await QueryAsync(
            connection,
            $"SELECT {MappingColumns} FROM import_mapping m JOIN place p ON p.place_id = m.place_id WHERE p.code = $1 ORDER BY m.saved_at DESC, m.agency",
            ReadMapping,
            cancellationToken,
            CheckCode(placeCode));
    }

    private static string AgencyKey(string agency) => agency.Trim().ToLowerInvariant();

    private static RememberedMapping ReadMapping(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
            new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(7), DateTimeKind.Utc)));
}
