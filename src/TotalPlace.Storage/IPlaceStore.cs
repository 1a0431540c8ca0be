namespace TotalPlace.Storage;

/// <summary>
/// The store of counted places, one logical schema implemented by the embedded DuckDB engine and the PostgreSQL server
/// engine, exposed by area: <see cref="Spend"/>, <see cref="Places"/>, <see cref="Waste"/>, <see cref="Partnership"/>,
/// <see cref="Audit"/> and <see cref="Accounts"/>.
/// </summary>
/// <remarks>Every row is keyed by place (the distribution key when a place outgrows one machine). Callers reach an
/// area through its property (<c>store.Spend.MapAsync(…)</c>), never by casting the store.</remarks>
public interface IPlaceStore : IAsyncDisposable
{
    /// <summary>The engine's name, e.g. "duckdb" or "postgres", for messages and reports.</summary>
    string Engine { get; }

    /// <summary>A stamp that differs whenever the place's counted data (batches, lines, population) has changed, by this
    /// process or any other: caches key on it, so no host needs to know how an engine keeps its files.</summary>
    /// <remarks>Equal stamps mean unchanged data; the text itself means nothing outside the engine.</remarks>
    Task<string> ChangeStampAsync(string placeCode, CancellationToken cancellationToken = default);

    /// <summary>Brings the schema up to the latest version. Safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>The spend area: batches, lines, the map.</summary>
    ISpendStore Spend { get; }

    /// <summary>The places-and-rules area: places, agencies, themes, classification rules.</summary>
    IPlacesStore Places { get; }

    /// <summary>The waste area: findings, review decisions, supplier merges, assets.</summary>
    Waste.IWasteStore Waste { get; }

    /// <summary>The partnership area: offers and their outcomes.</summary>
    Partnership.IPartnershipStore Partnership { get; }

    /// <summary>The audit trail.</summary>
    Audit.IAuditLog Audit { get; }

    /// <summary>The identity area: user accounts and roles.</summary>
    Identity.IAccountStore Accounts { get; }

    /// <summary>The rule workbench: previewing and reordering classification rules before they apply.</summary>
    Rules.IRuleWorkbench Rules { get; }

    /// <summary>The counting area: place packages, partners and their shares, official returns.</summary>
    Counting.ICountStore Counting { get; }

    /// <summary>The proposals area: cost-benefit proposals kept beside their place, and their attachment to offers.</summary>
    Proposals.IProposalStore Proposals { get; }
    /// <summary>Column mappings remembered per publisher and header signature.</summary>
    Imports.IImportMappingStore Mappings { get; }
}
