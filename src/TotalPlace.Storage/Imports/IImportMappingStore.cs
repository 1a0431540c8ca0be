namespace TotalPlace.Storage.Imports;

/// <summary>Column mappings remembered per publisher and header signature (migration 010).</summary>
public interface IImportMappingStore
{
    /// <summary>Remembers a mapping, replacing any kept for the same place, publisher and header signature; the
    /// change is on the audit trail. The place must exist.</summary>
    Task SaveMappingAsync(RememberedMapping mapping, CancellationToken cancellationToken = default);

    /// <summary>The mapping remembered for the publisher whose signature is the first of <paramref name="signatures"/>
    /// that has one, or null.</summary>
    Task<RememberedMapping?> FindMappingAsync(string placeCode, string agency, IReadOnlyList<string> signatures, CancellationToken cancellationToken = default);

    /// <summary>Every mapping remembered for a place, newest first.</summary>
    Task<IReadOnlyList<RememberedMapping>> ListMappingsAsync(string placeCode, CancellationToken cancellationToken = default);
}
