using System.Security.Cryptography;
using TotalPlace.Core.Counting;
using TotalPlace.Core.Spending;
using TotalPlace.Import;
using TotalPlace.Import.Official;
using TotalPlace.Import.Packages;
using TotalPlace.Storage;
using TotalPlace.Storage.Counting;

namespace TotalPlace.Application.Places;

/// <summary>The use case "import a place package": read place.json and every file it names by role, check them, show
/// what would be done (<see cref="PlanAsync"/>), then commit it all in one atomic step (<see cref="CommitAsync"/>).</summary>
/// <remarks>Lives here until the application layer (TotalPlace.Application) takes it over; it depends only on the
/// Import readers and the store's <see cref="ICountStore"/>, never on the console.</remarks>
public sealed class ImportPlacePackage(TimeProvider clock)
{
    /// <summary>Reads and checks the package in <paramref name="directory"/>; with a store, also flags transaction
    /// files whose months overlap what the store already holds for the partner.</summary>
    public async Task<PackagePlan> PlanAsync(string directory, IPlaceStore? store, string importedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var read = PlacePackageReader.Read(directory);
        var issues = read.Issues.ToList();
        if (read.Package is not { } package)
        {
            return new PackagePlan(directory, null, issues, null, [], [], []);
        }

        var partners = package.Partners.Select(p => new StoredPartner(p.Id, p.Name, p.Kind, p.Code, p.CodeScheme, p.Share, p.Aliases, p.Threshold, p.Missing)).ToList();
        var transactionFiles = new List<PackageTransactionFile>();
        var statementFiles = new List<PackageStatementFile>();
        var allocations = new List<PackageFileRecord>();
        var now = clock.GetUtcNow();
        if (!read.IsValid)
        {
            return new PackagePlan(directory, package, issues, null, [], [], Missing(package));
        }

        for (var p = 0; p < package.Partners.Count; p++)
        {
            var partner = package.Partners[p];
            foreach (var file in partner.Files.Where(f => f.Role == PackageFileRole.Transactions))
            {
                transactionFiles.Add(ReadTransactions(directory, package.PlaceCode, partner, file, importedBy, now, issues));
            }

            foreach (var file in partner.Files.Where(f => f.Role == PackageFileRole.Allocation))
            {
                if (ReadAllocation(directory, package.PlaceCode, partner, file, issues) is { } record)
                {
                    allocations.Add(record);
                }
            }
        }

        foreach (var group in package.Partners.SelectMany(p => p.Files.Where(f => f.Role is PackageFileRole.Outturn or PackageFileRole.Budget).Select(f => (Partner: p, File: f)))
                     .GroupBy(x => x.File.Path, StringComparer.Ordinal))
        {
            if (ReadReturn(directory, package, group.ToList(), importedBy, now, issues) is { } statementFile)
            {
                statementFiles.Add(statementFile);
            }
        }

        var overlaps = store is null ? [] : await OverlapsAsync(store, package, transactionFiles, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, "place.json"))));
        var count = CountOf(package, partners, transactionFiles, statementFiles);
        var commit = new PackageCommit(package.PlaceCode, package.PlaceName, package.Population, package.PopulationSource, package.Year, package.Name, package.Format, sha,
            package.Gaps, partners, transactionFiles, statementFiles, allocations, importedBy, now)
        {
            CountStatements = TopDownCount.Build(count, [.. statementFiles.SelectMany(f => f.Statements)]),
        };
        var files = transactionFiles.Select(f => new PackageFileRecord(f.PartnerKey, f.Path, "transactions", f.Period, null, f.Header.Sha256, f.Lines.Count, f.Lines.Sum(l => l.Amount), f.Detail))
            .Concat(statementFiles.SelectMany(s => s.Uses.Select(u => new PackageFileRecord(u.PartnerKey, s.Path, u.Role, u.Period, null, s.Header.Sha256,
                s.Statements.Count(x => x.BodyCode == u.BodyCode), 0m, [StatementSummary(s, u.BodyCode)]))))
            .Concat(allocations)
            .ToList();
        return new PackagePlan(directory, package, issues, issues.Any(i => i.IsError) ? null : commit, files, overlaps, Missing(package));
    }

    /// <summary>Commits a plan in one atomic step; re-running adds nothing.</summary>
    /// <exception cref="InvalidOperationException">The plan has errors.</exception>
    public static Task<PackageCommitResult> CommitAsync(PackagePlan plan, IPlaceStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.CanImport)
        {
            throw new InvalidOperationException($"The package in {plan.Directory} has errors and cannot be imported: {string.Join("; ", plan.Issues.Where(i => i.IsError))}");
        }

        return store.Counting.CommitPackageAsync(plan.Commit!, cancellationToken);
    }

    /// <summary>The place counted from what the package brings, by the same computation <c>reconcile</c> runs on the
    /// store, so the top-down figures written into the map are the ledger's.</summary>
    private static PlaceCount CountOf(Import.Packages.PlacePackage package, List<StoredPartner> partners, List<PackageTransactionFile> transactionFiles, List<PackageStatementFile> statementFiles)
    {
        var year = package.Year;
        var byPartner = transactionFiles.GroupBy(f => f.PartnerKey, StringComparer.Ordinal).ToList();
        var lines = byPartner.Select(g =>
        {
            var all = g.SelectMany(f => f.Lines).ToList();
            var months = all.Select(l => new DateOnly(l.Date.Year, l.Date.Month, 1)).ToList();
            var outside = all.Where(l => !year.Contains(l.Date)).ToList();
            return new PartnerLines(g.Key, all.Sum(l => l.Amount), all.Count, [.. months.Where(year.Contains).Distinct().Order()], outside.Count, outside.Sum(l => l.Amount));
        }).ToList();
        var payments = byPartner.SelectMany(g => g.SelectMany(f => f.Lines)
                .Where(l => !string.IsNullOrEmpty(l.Supplier))
                .GroupBy(l => l.Supplier!, StringComparer.Ordinal)
                .Select(s => new SupplierPayments(g.Key, s.Key, s.Sum(l => l.Amount), s.Count())))
            .ToList();
        return ReconcilePlace.Compute(package.PlaceCode, package.PlaceName, year, package.Population, partners,
            [.. statementFiles.SelectMany(f => f.Statements)], lines, payments);
    }

    private static string StatementSummary(PackageStatementFile file, string bodyCode)
    {
        var mine = file.Statements.Where(s => s.BodyCode == bodyCode).ToList();
        var totals = mine.Where(s => s.IsTotal).Select(s => $"{s.Measure.ToString().ToLowerInvariant()} {Core.Money.FromPounds(s.Amount)}");
        return $"{mine.FirstOrDefault()?.Return} row {mine.FirstOrDefault()?.SourceRow}: {mine.Count} figures; total service expenditure {string.Join(", ", totals)}";
    }

    private static PackageTransactionFile ReadTransactions(string directory, string placeCode, PackagePartner partner, PackageFile file, string importedBy, DateTimeOffset now, List<PackageIssue> issues)
    {
        var full = Path.Combine(directory, file.Path);
        var bytes = File.Exists(full) ? File.ReadAllBytes(full) : [];
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var lines = new List<Transaction>();
        var detail = new List<string>();
        var rowsRead = 0;
        var sheets = file.Sheets.Count > 0 ? file.Sheets.Select(s => (string?)s).ToList() : [null];
        foreach (var sheet in sheets)
        {
            var result = SpendFileReader.Read(Path.GetFileName(file.Path), bytes, new SpendReadOptions { Sheet = sheet });
            foreach (var error in result.Errors.Take(5))
            {
                issues.Add(new PackageIssue(file.Path + (sheet is null ? string.Empty : $" sheet '{sheet}'"), error.ToString()));
            }

            if (result.ErrorCount > 5)
            {
                issues.Add(new PackageIssue(file.Path, $"{result.ErrorCount - 5} more errors"));
            }

            lines.AddRange(result.Transactions);
            rowsRead += result.RowsRead;
            detail.Add($"{(sheet is null ? "file" : $"sheet '{sheet}'")}: {result.Transactions.Count} lines, {Core.Money.FromPounds(result.Transactions.Sum(t => t.Amount))}" +
                (result.RowsSkipped > 0 ? $"; {result.RowsSkipped} rows skipped (no money of their own)" : string.Empty));
        }

        var header = new BatchHeader(placeCode, partner.Name, Path.GetFileName(file.Path), sha, rowsRead, [], importedBy, now);
        return new PackageTransactionFile(partner.Id, file.Path, file.Period, header, lines, detail);
    }

    private static PackageFileRecord? ReadAllocation(string directory, string placeCode, PackagePartner partner, PackageFile file, List<PackageIssue> issues)
    {
        var full = Path.Combine(directory, file.Path);
        try
        {
            var bytes = File.ReadAllBytes(full);
            var share = GpPracticeWeightedPopulations.Share(Path.GetFileName(file.Path), bytes, file.SelectValue ?? partner.Code ?? string.Empty, placeCode, sheet: file.SelectSheet);
            var computed = share.ToShare(Path.GetFileName(file.Path));
            var agrees = Math.Abs(computed.Value - partner.Share.Value) < 0.0000005m;
            if (!agrees)
            {
                issues.Add(new PackageIssue(file.Path, $"the allocation table gives {computed.Value:0.######} for {partner.Name}, the package states {partner.Share.Value:0.######}", IsError: false));
            }

            return new PackageFileRecord(partner.Id, file.Path, "allocation", file.Period, null, Convert.ToHexStringLower(SHA256.HashData(bytes)), share.Units, 0m,
                [$"{share.Measure}: {share.InArea:#,0.##} in {placeCode} ({share.UnitsInArea} practices) of {share.Whole:#,0.##} ({share.Units} practices) = {computed.Value:0.######}" + (agrees ? "; agrees with the package's share" : "; differs from the package's share")]);
        }
        catch (InvalidDataException ex)
        {
            issues.Add(new PackageIssue(file.Path, ex.Message));
            return null;
        }
    }

    private static PackageStatementFile? ReadReturn(string directory, Import.Packages.PlacePackage package, List<(PackagePartner Partner, PackageFile File)> uses, string importedBy, DateTimeOffset now, List<PackageIssue> issues)
    {
        var path = uses[0].File.Path;
        var bytes = File.ReadAllBytes(Path.Combine(directory, path));
        var layout = OfficialReturn.Detect(path, bytes);
        if (layout is null)
        {
            issues.Add(new PackageIssue(path, $"not a return this version reads ({string.Join(", ", OfficialReturn.Known.Select(r => r.Code))}); name it RS…, RSX… or RA…"));
            return null;
        }

        var codes = uses.Select(u => u.File.SelectValue ?? u.Partner.Code ?? string.Empty).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var result = OfficialReturnReader.Read(layout, Path.GetFileName(path), bytes, package.Year, codes, uses[0].File.SelectSheet);
        foreach (var error in result.Errors)
        {
            issues.Add(new PackageIssue(path, error.ToString()));
        }

        foreach (var code in result.NotFound)
        {
            issues.Add(new PackageIssue(path, $"no row for {code} in the {layout.Code} return"));
        }

        var header = new BatchHeader(package.PlaceCode, string.Empty, Path.GetFileName(path), result.Sha256, result.BodiesInFile, [], importedBy, now);
        return new PackageStatementFile(path, header,
            [.. uses.Select(u => (u.Partner.Id, u.File.Role.ToString().ToLowerInvariant(), u.File.Period, u.File.SelectValue ?? u.Partner.Code ?? string.Empty))],
            result.Statements);
    }

    private static async Task<IReadOnlyList<string>> OverlapsAsync(IPlaceStore store, Import.Packages.PlacePackage package, List<PackageTransactionFile> files, CancellationToken cancellationToken)
    {
        var loaded = await store.Counting.ListMonthsLoadedAsync(package.PlaceCode, cancellationToken);
        var batches = (await store.Spend.ListBatchesAsync(package.PlaceCode, cancellationToken)).Select(b => b.Sha256).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var overlaps = new List<string>();
        foreach (var file in files.Where(f => !batches.Contains(f.Header.Sha256)))
        {
            if (!loaded.TryGetValue(file.Header.Agency, out var months))
            {
                continue;
            }

            var mine = MonthsLoaded.From(package.Year, FileMonths(file, package.Year));
            var overlap = mine.Overlap(MonthsLoaded.From(package.Year, months));
            if (overlap.Count > 0)
            {
                overlaps.Add($"{file.Path}: {file.Header.Agency} already has lines for {MonthsLoaded.From(package.Year, overlap)}; check this file is not a second copy of the same months");
            }
        }

        return overlaps;
    }

    /// <summary>The months a file covers: the months its package period names when it names one month (card lines dated
    /// the month before do not make a monthly file cover two months), else the months of its lines.</summary>
    private static IEnumerable<DateOnly> FileMonths(PackageTransactionFile file, Core.FiscalYear year)
    {
        if (file.Period.Length == 7 && DateOnly.TryParseExact(file.Period + "-01", "yyyy-MM-dd", out var month))
        {
            return [month];
        }

        return file.Lines.Select(l => new DateOnly(l.Date.Year, l.Date.Month, 1)).Where(year.Contains).Distinct();
    }

    private static List<string> Missing(Import.Packages.PlacePackage package) =>
    [
        .. package.Partners.SelectMany(p => p.Missing.Select(m => $"{p.Name}: {m}")),
        .. package.Partners.Where(p => p.Files.All(f => f.Role != PackageFileRole.Transactions) && p.Missing.Count == 0).Select(p => $"{p.Name}: no transaction files"),
        .. package.Gaps,
    ];
}
