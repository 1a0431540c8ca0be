using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;

namespace TotalPlace.Storage;

/// <summary>The places-and-rules area of a store: places with their populations, agencies, themes and each place's
/// classification rules.</summary>
public interface IPlacesStore
{
    /// <summary>Returns the place, creating it on first use (name and population from the bundled ONS Census 2021
    /// list where the code is there, otherwise named after its code with no population) and seeding its default
    /// classification rules.</summary>
    /// <exception cref="ArgumentException">The code is not a GSS code (a capital letter and eight digits).</exception>
    Task<Place> EnsurePlaceAsync(string placeCode, CancellationToken cancellationToken = default);

    /// <summary>Creates or updates a place with an explicit name and population (the demo and tests use this).</summary>
    Task<Place> UpsertPlaceAsync(Place place, CancellationToken cancellationToken = default);

    /// <summary>The place, or null when the store has none with this code.</summary>
    Task<Place?> FindPlaceAsync(string placeCode, CancellationToken cancellationToken = default);

    /// <summary>All places in the store.</summary>
    Task<IReadOnlyList<Place>> ListPlacesAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns the agency in the place, creating it when new; an existing agency keeps its kind unless one is given.</summary>
    Task<Agency> EnsureAgencyAsync(string placeCode, Agency agency, CancellationToken cancellationToken = default);

    /// <summary>The agencies of a place.</summary>
    Task<IReadOnlyList<Agency>> ListAgenciesAsync(string placeCode, CancellationToken cancellationToken = default);

    /// <summary>The themes known to the store (defaults plus user-added ones).</summary>
    Task<IReadOnlyList<Theme>> ListThemesAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a user-defined theme.</summary>
    Task AddThemeAsync(Theme theme, CancellationToken cancellationToken = default);

    /// <summary>The place's classification rules in list order (the shipped defaults, seeded when the place was
    /// created, followed by the rules users added).</summary>
    Task<IReadOnlyList<ClassificationRule>> ListRulesAsync(string placeCode, CancellationToken cancellationToken = default);

    /// <summary>Adds a classification rule to the place. Stored lines keep their themes until
    /// <see cref="ReclassifyAsync"/>; lines committed afterwards use the new rule.</summary>
    /// <exception cref="ArgumentException">The rule's pattern is empty or not a valid regular expression, or its theme is unknown.</exception>
    Task AddRuleAsync(string placeCode, ClassificationRule rule, CancellationToken cancellationToken = default);

    /// <summary>Re-applies the place's rules to every stored transaction and statement, without re-importing.</summary>
    Task<ReclassifyResult> ReclassifyAsync(string placeCode, CancellationToken cancellationToken = default);

    /// <summary>What the place holds, table by table (every table with per-place data, read from the schema), with
    /// the money of its lines: what <see cref="DeletePlaceAsync"/> would remove. Null when the store has no such place.</summary>
    Task<PlaceContents?> DescribePlaceContentsAsync(string placeCode, CancellationToken cancellationToken = default);

    /// <summary>Deletes the place and every row it holds in every table with per-place data (batches, lines,
    /// statements, rejects, agencies, rules, findings, offers, proposals, packages, mappings…), in one transaction,
    /// with a <c>place.deleted</c> audit entry counting what was removed. No other place is touched; the audit trail's
    /// entries about the place stay (it is append-only), and so do user accounts bound to it (counted in the result).
    /// Returns what was removed, or null when the store has no such place (nothing changes).</summary>
    Task<PlaceContents?> DeletePlaceAsync(string placeCode, CancellationToken cancellationToken = default);
}
