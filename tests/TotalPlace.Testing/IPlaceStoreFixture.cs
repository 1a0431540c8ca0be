using TotalPlace.Storage;

namespace TotalPlace.Testing;

/// <summary>Gives the store contract suite fresh, empty, migrated stores of one engine.</summary>
public interface IPlaceStoreFixture
{
    /// <summary>The engine name, for messages.</summary>
    string Engine { get; }

    /// <summary>A new empty store; the caller disposes it.</summary>
    Task<IPlaceStore> CreateStoreAsync(CancellationToken cancellationToken = default);
}
