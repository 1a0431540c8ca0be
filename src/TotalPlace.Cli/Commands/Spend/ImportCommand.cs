using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Spend;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Places;
using TotalPlace.Import;

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
        var options = SpendReadOptions.Default with
        {
            Mapping = mapping,
            AllowPartial = settings.AllowPartial,
            Period = settings.ParsedPeriod,
            AcceptTruncatedLastLine = settings.AcceptTruncatedLastLine,
        };
        var placeCode = PlaceOption.Normalise(settings.Place!);

        StoreConnector.BoundMemoryForBulkLoad();
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: false, cancellationToken);
        var place = await store.Places.EnsurePlaceAsync(placeCode, cancellationToken);
        var importSpend = new ImportSpendFile(store, TimeProvider.System);
        var importStatements = new ImportStatementFile(store, TimeProvider.System);

        var shown = ProgressDisplay.IsShown(console, settings.Format);
        var outcomes = new List<ImportOutcome>();
        foreach (var file in files)
        {
            var source = SpendFileSource.FromPath(file);
            var outcome = await ProgressDisplay.RunAsync(
                console,
                shown,
                $"Importing {Path.GetFileName(file)}",
                100,
                progress => settings.Statements
                    ? importStatements.CommitAsync(
                        new ImportStatementFileRequest(placeCode, source, settings.AllowPartial, settings.Agency, Environment.UserName), cancellationToken)
                    : importSpend.CommitAsync(
                        new ImportSpendFileRequest(placeCode, settings.Agency!.Trim(), settings.Kind, source, options, Environment.UserName, Storage.Identity.Visibility.All, RememberMapping: mapping is not null),
                        new Progress<ImportProgress>(p => progress.Report(p.Fraction * 100)),
                        cancellationToken));
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
                    ? $"{rejected[0].File} was rejected with {rejected[0].ErrorCount} error{Plural(rejected[0].ErrorCount)}{detail}; nothing was loaded from it" +
                        (first is { Row: > 0, IsTruncatedLastLine: false } ? " (use --allow-partial to load the valid rows)." : ".")
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
            if (outcome.Remembered is { } remembered)
            {
                console.WriteLine($"{outcome.File}: {ImportSpendFile.RememberedNote(remembered)}.");
            }

            if (outcome.Status == ImportStatus.AlreadyImported)
            {
                console.WriteLine($"{outcome.File}: already imported as batch {outcome.Batch!.Id}, nothing added.");
            }

            if (outcome.IsNilReturn)
            {
                console.WriteLine($"{outcome.File}: nil return (a header and no lines of spend), stored as empty batch {outcome.Batch!.Id}.");
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
                ImportStatus.Imported when o.IsNilReturn => "nil return",
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
                ["outcome"] = o.Status switch { ImportStatus.Imported when o.IsNilReturn => "nil-return", ImportStatus.Imported => "imported", ImportStatus.AlreadyImported => "already-imported", _ => "rejected" },
                ["batch"] = o.Batch?.Id,
                ["sha256"] = o.Batch?.Sha256,
                ["rowsRead"] = o.Batch?.RowsRead,
                ["rowsLoaded"] = o.Batch?.RowsLoaded ?? 0,
                ["rowsRejected"] = o.Batch?.RowsRejected ?? o.ErrorCount,
                ["total"] = o.Batch?.Total,
                ["nilReturn"] = o.IsNilReturn,
                ["errorCount"] = o.ErrorCount,
                ["errors"] = errors,
                ["notes"] = new JsonArray([.. o.Notes.Select(n => (JsonNode?)JsonValue.Create(n))]),
                ["rememberedMapping"] = o.Remembered is { } r
                    ? new JsonObject { ["file"] = r.FileName, ["savedAt"] = r.SavedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture), ["savedBy"] = r.SavedBy }
                    : null,
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
