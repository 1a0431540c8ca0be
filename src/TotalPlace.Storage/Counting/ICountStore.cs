using TotalPlace.Core;
using TotalPlace.Core.Counting;

namespace TotalPlace.Storage.Counting;

/// <summary>The counting side of a store (migration 500): place packages, partners with shares and basis, official
/// returns as statements, and the sums reconciliation needs.</summary>
public interface ICountStore
{
    /// <summary>Commits a whole package in one transaction: partners and shares, every transaction file and return as
    /// a batch (a file already loaded, by SHA-256, adds nothing), the file list. Re-running adds nothing. Rolled back
    /// whole when anything fails.</summary>
    Task<PackageCommitResult> CommitPackageAsync(PackageCommit commit, CancellationToken cancellationToken = default);

    /// <summary>The package imported for the place and year, or null.</summary>
    Task<StoredPackage?> FindPackageAsync(string placeCode, FiscalYear year, CancellationToken cancellationToken = default);

    /// <summary>The place's partners for the year, in package order.</summary>
    Task<IReadOnlyList<StoredPartner>> ListPartnersAsync(string placeCode, FiscalYear year, CancellationToken cancellationToken = default);

    /// <summary>The package's files for the year.</summary>
    Task<IReadOnlyList<PackageFileRecord>> ListPackageFilesAsync(string placeCode, FiscalYear year, CancellationToken cancellationToken = default);

    /// <summary>The official statements the package's returns brought, for every partner, for the year.</summary>
    Task<IReadOnlyList<OfficialStatement>> ListOfficialStatementsAsync(string placeCode, FiscalYear year, CancellationToken cancellationToken = default);

    /// <summary>Per partner, the sum, count and months of the lines in its transaction files for the year.</summary>
    Task<IReadOnlyList<PartnerLines>> SummariseLinesAsync(string placeCode, FiscalYear year, CancellationToken cancellationToken = default);

    /// <summary>Per partner and supplier as written, what its transaction files for the year paid (for flows between partners).</summary>
    Task<IReadOnlyList<SupplierPayments>> ListSupplierPaymentsAsync(string placeCode, FiscalYear year, CancellationToken cancellationToken = default);

    /// <summary>The statement lines the place map counts for a year (<see cref="MapSource.Combined"/>: a budget only
    /// where its agency-year has no outturn), optionally for one agency or theme, largest first: what drill-down lists
    /// behind a figure that comes from statements. Only the statement lines <paramref name="visibility"/> may see are
    /// listed or decide whether a budget counts, as in the map (null: all).</summary>
    Task<IReadOnlyList<CountedStatement>> ListCountedStatementsAsync(string placeCode, FiscalYear? year, string? agency, string? theme, Identity.Visibility? visibility = null, CancellationToken cancellationToken = default);

    /// <summary>The months each agency of the place already has lines for, from every batch (for flagging a new file
    /// that overlaps them before it is committed).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<DateOnly>>> ListMonthsLoadedAsync(string placeCode, CancellationToken cancellationToken = default);
}
