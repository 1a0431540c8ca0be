using TotalPlace.Core;
using TotalPlace.Core.Counting;

namespace TotalPlace.Storage.Counting;

/// <summary>Everything a place package brings, read and checked, to be committed in one step.</summary>
/// <param name="PlaceCode">The place.</param>
/// <param name="PlaceName">Its name.</param>
/// <param name="Population">Its population for the year, as the package states it.</param>
/// <param name="PopulationSource">Where that comes from.</param>
/// <param name="Year">The financial year.</param>
/// <param name="Package">The package's name.</param>
/// <param name="Format">The format it was written in.</param>
/// <param name="PackageSha256">The SHA-256 of place.json.</param>
/// <param name="Gaps">What a complete count would still need.</param>
/// <param name="Partners">The partners in package order.</param>
/// <param name="TransactionFiles">Transaction files, one batch each.</param>
/// <param name="StatementFiles">Official returns, one batch each.</param>
/// <param name="AllocationFiles">Allocation tables (no £): recorded with the share they gave.</param>
/// <param name="ImportedBy">Who.</param>
/// <param name="ImportedAt">When.</param>
public sealed record PackageCommit(
    string PlaceCode,
    string PlaceName,
    long? Population,
    string? PopulationSource,
    FiscalYear Year,
    string Package,
    string Format,
    string PackageSha256,
    IReadOnlyList<string> Gaps,
    IReadOnlyList<StoredPartner> Partners,
    IReadOnlyList<PackageTransactionFile> TransactionFiles,
    IReadOnlyList<PackageStatementFile> StatementFiles,
    IReadOnlyList<PackageFileRecord> AllocationFiles,
    string ImportedBy,
    DateTimeOffset ImportedAt)
{
    /// <summary>The top-down figures the map counts for the place and year (each partner's share of its outturn and
    /// budget by service line, the flows taken out), written as one statements batch that replaces the previous one.</summary>
    public IReadOnlyList<CountStatement> CountStatements { get; init; } = [];
}
