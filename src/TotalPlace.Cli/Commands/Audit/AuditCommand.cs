using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Storage.Audit;

namespace TotalPlace.Cli.Commands.Audit;

/// <summary>Lists the audit trail, newest first, as a table, CSV or JSON.</summary>
public sealed class AuditCommand(IAnsiConsole console) : AsyncCommand<AuditSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AuditSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenReadOnlyAsync(settings.StoreOrDefault, cancellationToken);
        var audit = store.Audit;
        var query = new AuditQuery(
            PlaceCode: settings.Place is null ? null : PlaceOption.Normalise(settings.Place),
            Actor: settings.Actor,
            Action: settings.Action,
            Since: settings.SinceValue,
            Until: settings.UntilValue,
            PageSize: settings.All ? AuditQuery.MaxPageSize : Math.Min(settings.Limit, AuditQuery.MaxPageSize));
        var entries = new List<AuditEntry>();
        long total;
        for (var page = 1; ; page++)
        {
            var chunk = await audit.QueryAuditAsync(query with { PageNumber = page }, cancellationToken);
            entries.AddRange(chunk.Items);
            total = chunk.TotalCount;
            if (!settings.All || chunk.Items.Count < query.PageSize)
            {
                break;
            }
        }

        ResultWriter.Write(console, settings.Format, ToTable(entries, total));
        return ExitCodes.Success;
    }

    internal static TabularResult ToTable(IReadOnlyList<AuditEntry> entries, long total)
    {
        Column[] columns =
        [
            new("Entry", "id", ColumnKind.Count, InTable: false),
            new("When (UTC)", "at"),
            new("Who", "actor"),
            new("Action", "action"),
            new("Place", "place"),
            new("Agency", "agency", InTable: false),
            new("Subject", "subjectKind", InTable: false),
            new("Subject id", "subjectId", InTable: false),
            new("What happened", "summary"),
            new("Details", "details", InTable: false),
        ];
        var rows = entries.Select(e => new object?[]
        {
            e.Id,
            e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            e.Actor,
            e.Action,
            e.PlaceCode,
            e.Agency,
            e.SubjectKind,
            e.SubjectId,
            e.Summary,
            e.Details,
        });
        var footer = entries.Count == total
            ? $"{Formats.Count(total)} entr{(total == 1 ? "y" : "ies")}"
            : $"the newest {Formats.Count(entries.Count)} of {Formats.Count(total)} entries (use --all for every one)";
        return TabularResult.Create("Audit trail, newest first", columns, rows, footer);
    }
}
