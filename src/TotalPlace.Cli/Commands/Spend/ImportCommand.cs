using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Import;
using TotalPlace.Storage;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Cli.Commands.Spend;

/// <summary>Imports published spend files (or spend statements) into a place, one atomic, idempotent batch per file.</summary>
public sealed class ImportCommand(IAnsiConsole console) : AsyncCommand<ImportSettings>
{
    /// <summary>Errors listed per rejected file; the rest are counted.</summary>
    internal const int ErrorsShown = 50;

    private static readonly string[] s_extensions = [".csv", ".xlsx", ".xls"];

    public override async Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken)
    {
        var files = ExpandPaths(settings.Paths);
        var mapping = settings.Mapping is null
            ? null
            : ColumnMapping.FromJson(await File.ReadAllTextAsync(settings.Mapping, cancellationToken), Path.GetFileName(settings.Mapping));
        var options = SpendReadOptions.Default with { Mapping = mapping, AllowPartial = settings.AllowPartial, Period = settings.ParsedPeriod };
        var placeCode = PlaceOption.Normalise(settings.Place!);

        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: false, cancellationToken);
        var place = await store.EnsurePlaceAsync(placeCode, cancellationToken);
        if (!settings.Statements && settings.Kind is { } kind)
        {
            await store.EnsureAgencyAsync(placeCode, new Agency(settings.Agency!.Trim(), kind, Agency.DefaultFundingSource(kind)), cancellationToken);
        }

        var shown = ProgressDisplay.IsShown(console, settings.Format);
        var outcomes = new List<ImportOutcome>();
        foreach (var file in files)
        {
            var outcome = await ProgressDisplay.RunAsync(
                console,
                shown,
                $"Importing {Path.GetFileName(file)}",
                100,
                progress => settings.Statements
                    ? ImportStatementsAsync(store, settings, placeCode, file, progress, cancellationToken)
                    : ImportSpendAsync(store, settings, placeCode, file, options, progress, cancellationToken));
            outcomes.Add(outcome);
        }

        Report(settings.Format, place, outcomes);
        var rejected = outcomes.Where(o => o.Status == ImportStatus.Rejected).ToList();
        if (rejected.Count > 0)
        {
            var first = rejected[0].Errors.FirstOrDefault();
            var detail = first is null ? string.Empty : $"; first problem: {Describe(first)}";
            throw new CliException(
                rejected.Count == 1 && outcomes.Count == 1
                    ? $"{rejected[0].File} was rejected with {rejected[0].ErrorCount} error{Plural(rejected[0].ErrorCount)}{detail}; nothing was loaded from it (use --allow-partial to load the valid rows)."
                    : $"{rejected.Count} of {outcomes.Count} files were rejected ({string.Join(", ", rejected.Select(r => r.File))}); nothing was loaded from them{detail}.",
                ExitCodes.Rejected);
        }

        return ExitCodes.Success;
    }

    internal static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path)
                    .Where(f => s_extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    throw new CliException($"folder '{path}' has no .csv, .xlsx or .xls files to import.", ExitCodes.Usage);
                }

                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new CliException($"'{path}' is neither a file nor a folder.", ExitCodes.Usage);
            }
        }

        return files;
    }

    private static async Task<ImportOutcome> ImportSpendAsync(
        IPlaceStore store, ImportSettings settings, string placeCode, string path, SpendReadOptions options, IProgress<double> progress, CancellationToken cancellationToken)
    {
        // One streaming path for every size: memory stays bounded by the reader's buffers, not by the file.
        var name = Path.GetFileName(path);
        return await ImportStreamingAsync(
            store, settings, placeCode, name, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), EstimateLines(path), options, progress, cancellationToken);
    }

    /// <summary>Imports a file in one streaming read, whatever its size: the reader hashes the bytes as it parses them and the store
    /// completes the batch header (SHA-256, rows read, rejects) after the last line, checking for a re-import then.
    /// A file with errors throws at its end (unless partial loading was asked for), which rolls the batch back.</summary>
    internal static async Task<ImportOutcome> ImportStreamingAsync(
        IPlaceStore store, ImportSettings settings, string placeCode, string name, Func<Stream> open, long expectedLines, SpendReadOptions options, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var file = open();
        SpendFileStream stream;
        try
        {
            stream = SpendFileStream.Open(file, name, options);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        using (stream)
        {
            var header = Header(settings, placeCode, name, sha256: string.Empty, rowsRead: 0, []);
            try
            {
                var committed = await store.CommitTransactionsAsync(
                    header,
                    Reporting(stream.Transactions, expectedLines, 0, progress),
                    h => h with
                    {
                        Sha256 = stream.Sha256,
                        RowsRead = stream.RowsRead,
                        Rejects = settings.AllowPartial ? Rejects(stream.Errors) : [],
                    },
                    cancellationToken);
                return Committed(name, committed, stream.Errors, stream.ErrorCount, stream.Notes);
            }
            catch (ImportRejectedException rejected)
            {
                return new ImportOutcome(name, ImportStatus.Rejected, null, rejected.Errors, rejected.ErrorCount, stream.Notes);
            }
        }
    }

    private static async Task<ImportOutcome> ImportStatementsAsync(
        IPlaceStore store, ImportSettings settings, string placeCode, string path, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var read = StatementFileReader.Read(name, await File.ReadAllBytesAsync(path, cancellationToken));
        progress.Report(50);
        if (IsRejected(read.Errors, read.Errors.Count, settings.AllowPartial))
        {
            return new ImportOutcome(name, ImportStatus.Rejected, null, read.Errors, read.Errors.Count, read.Notes);
        }

        var header = Header(settings, placeCode, name, read.Sha256, read.RowsRead, settings.AllowPartial ? read.Errors : []);
        var result = await store.CommitStatementsAsync(header, read.Statements, cancellationToken);
        return Committed(name, result, read.Errors, read.Errors.Count, read.Notes);
    }

    /// <summary>A file with errors is rejected unless partial loading was asked for; a file-level problem (row 0:
    /// unreadable, no header) rejects it either way, because there are no valid rows to keep.</summary>
    private static bool IsRejected(IReadOnlyList<ImportError> errors, int errorCount, bool allowPartial) =>
        errorCount > 0 && (!allowPartial || errors.Any(e => e.Row == 0));

    private static ImportOutcome Committed(string name, BatchResult result, IReadOnlyList<ImportError> errors, int errorCount, IReadOnlyList<string> notes) =>
        new(name, result.AlreadyImported ? ImportStatus.AlreadyImported : ImportStatus.Imported, result.Batch, errors, errorCount, notes);

    private static BatchHeader Header(ImportSettings settings, string placeCode, string name, string sha256, int rowsRead, IReadOnlyList<ImportError> rejects) =>
        new(
            placeCode,
            settings.Agency?.Trim() ?? string.Empty,
            name,
            sha256,
            rowsRead,
            Rejects(rejects),
            AuditActor.Resolve(Environment.UserName),
            TimeProvider.System.GetUtcNow());

    private static BatchReject[] Rejects(IReadOnlyList<ImportError> errors) =>
        [.. errors.Select(e => new BatchReject(e.Row, e.Column, e.Value, e.Message))];

    private static long EstimateLines(string path) => Math.Max(1, new FileInfo(path).Length / 120);

    private static IEnumerable<Transaction> Reporting(IEnumerable<Transaction> lines, long expected, double from, IProgress<double> progress)
    {
        long count = 0;
        foreach (var line in lines)
        {
            yield return line;
            if (++count % 50_000 == 0)
            {
                progress.Report(from + ((100 - from) * count / Math.Max(1, expected)));
            }
        }

        progress.Report(100);
    }

    private void Report(OutputFormat format, Place place, IReadOnlyList<ImportOutcome> outcomes)
    {
        if (format == OutputFormat.Json)
        {
            ResultWriter.WriteJson(console, ToJson(place, outcomes));
            return;
        }

        ResultWriter.Write(console, format, Summary(place, outcomes));
        if (format != OutputFormat.Table)
        {
            return;
        }

        foreach (var outcome in outcomes)
        {
            if (outcome.Status == ImportStatus.AlreadyImported)
            {
                console.WriteLine($"{outcome.File}: already imported as batch {outcome.Batch!.Id}, nothing added.");
            }

            if (outcome.Errors.Count > 0)
            {
                var verb = outcome.Status == ImportStatus.Rejected ? "rejected" : "loaded without";
                var shownErrors = outcome.Errors.Take(ErrorsShown).ToList();
                var more = outcome.ErrorCount - shownErrors.Count;
                ResultWriter.WriteTable(console, ErrorTable(
                    $"{outcome.File}: {verb} {outcome.ErrorCount} problem row{Plural(outcome.ErrorCount)}",
                    shownErrors,
                    more > 0 ? $"… and {Formats.Count(more)} more" : null));
            }
        }
    }

    internal static TabularResult Summary(Place place, IReadOnlyList<ImportOutcome> outcomes)
    {
        Column[] columns =
        [
            new("File", "file"),
            new("Outcome", "outcome"),
            new("Batch", "batch", ColumnKind.Count),
            new("Rows read", "rowsRead", ColumnKind.Count),
            new("Loaded", "rowsLoaded", ColumnKind.Count),
            new("Rejected", "rowsRejected", ColumnKind.Count),
            new("Total", "total", ColumnKind.Money),
        ];
        var rows = outcomes.Select(o => new object?[]
        {
            o.File,
            o.Status switch
            {
                ImportStatus.Imported => "imported",
                ImportStatus.AlreadyImported => "already imported",
                _ => "rejected",
            },
            o.Batch?.Id,
            o.Batch?.RowsRead,
            o.Batch?.RowsLoaded ?? 0,
            o.Batch?.RowsRejected ?? (long)o.ErrorCount,
            o.Batch?.Total,
        });
        return TabularResult.Create($"Import into {place.Code} {place.Name}", columns, rows);
    }

    internal static TabularResult ErrorTable(string title, IEnumerable<ImportError> errors, string? footer)
    {
        Column[] columns =
        [
            new("File", "file"),
            new("Row", "row", ColumnKind.Count),
            new("Column", "column"),
            new("Value", "value"),
            new("Problem", "problem"),
        ];
        return TabularResult.Create(title, columns, errors.Select(e => new object?[] { e.File, e.Row, e.Column, e.Value, e.Message }), footer);
    }

    private static JsonObject ToJson(Place place, IReadOnlyList<ImportOutcome> outcomes)
    {
        var files = new JsonArray();
        foreach (var o in outcomes)
        {
            var errors = new JsonArray();
            foreach (var e in o.Errors)
            {
                errors.Add(new JsonObject { ["file"] = e.File, ["row"] = e.Row, ["column"] = e.Column, ["value"] = e.Value, ["problem"] = e.Message });
            }

            files.Add(new JsonObject
            {
                ["file"] = o.File,
                ["outcome"] = o.Status switch { ImportStatus.Imported => "imported", ImportStatus.AlreadyImported => "already-imported", _ => "rejected" },
                ["batch"] = o.Batch?.Id,
                ["sha256"] = o.Batch?.Sha256,
                ["rowsRead"] = o.Batch?.RowsRead,
                ["rowsLoaded"] = o.Batch?.RowsLoaded ?? 0,
                ["rowsRejected"] = o.Batch?.RowsRejected ?? o.ErrorCount,
                ["total"] = o.Batch?.Total,
                ["errorCount"] = o.ErrorCount,
                ["errors"] = errors,
                ["notes"] = new JsonArray([.. o.Notes.Select(n => (JsonNode?)JsonValue.Create(n))]),
            });
        }

        return new JsonObject { ["place"] = place.Code, ["placeName"] = place.Name, ["files"] = files };
    }

    private static string Describe(ImportError error)
    {
        var where = error.Row > 0 ? $"row {error.Row}" : "the file";
        var column = error.Column.Length > 0 ? $", column {error.Column}" : string.Empty;
        var value = error.Value.Length > 0 ? $" ('{error.Value}')" : string.Empty;
        return $"{where}{column}{value}: {error.Message}";
    }

    private static string Plural(long count) => count == 1 ? string.Empty : "s";
}
