using System.Text.Json;
using System.Text.Json.Nodes;
using nietras.SeparatedValues;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace TotalPlace.Cli.Infrastructure;

/// <summary>Writes a command's result to the console as a table, CSV or JSON.</summary>
/// <remarks>CSV and JSON go to the console's raw writer, not through Spectre's renderer, because the renderer wraps
/// long lines at the terminal width and that would corrupt machine-readable output.</remarks>
internal static class ResultWriter
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Write(IAnsiConsole console, OutputFormat format, TabularResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        switch (format)
        {
            case OutputFormat.Table:
                WriteTable(console, result);
                break;
            case OutputFormat.Csv:
                WriteCsv(console, result);
                break;
            case OutputFormat.Json:
                WriteJson(console, ToJson(result));
                break;
            case OutputFormat.Pdf:
                throw new CliException("--format pdf is written only by `totalplace map` (the board pack); use table, csv or json here.", ExitCodes.Usage);
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "The format must be table, csv or json.");
        }
    }

    public static void WriteTable(IAnsiConsole console, TabularResult result)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (result.Title is not null)
        {
            table.Title(Markup.Escape(result.Title));
        }

        var shown = Enumerable.Range(0, result.Columns.Count).Where(i => result.Columns[i].InTable).ToArray();
        foreach (var column in shown.Select(i => result.Columns[i]))
        {
            var tableColumn = new TableColumn(Markup.Escape(column.Header));
            if (column.Kind is ColumnKind.Money or ColumnKind.Count or ColumnKind.Percent)
            {
                tableColumn.RightAligned();
            }

            table.AddColumn(tableColumn);
        }

        foreach (var row in result.Rows)
        {
            table.AddRow(shown.Select(i => (IRenderable)new Text(Formats.ForTable(row[i], result.Columns[i].Kind))));
        }

        console.Write(table);
        if (result.Footer is not null)
        {
            console.WriteLine(result.Footer);
        }
    }

    public static void WriteCsv(IAnsiConsole console, TabularResult result)
    {
        var output = console.Profile.Out.Writer;
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output, leaveOpen: true))
        {
            foreach (var row in result.Rows)
            {
                using var csvRow = writer.NewRow();
                foreach (var i in DataColumns(result))
                {
                    csvRow[result.Columns[i].Key].Set(row[i] is string text ? TotalPlace.Reports.Csv.CsvCell.Text(text) : Formats.Raw(row[i]));
                }
            }

            if (result.Rows.Count == 0)
            {
                // Sep writes the header with the first row; an empty result still deserves its header line.
                output.WriteLine(string.Join(',', DataColumns(result).Select(i => result.Columns[i].Key)));
            }
        }

        output.Flush();
    }

    public static JsonNode ToJson(TabularResult result)
    {
        var rows = new JsonArray();
        foreach (var row in result.Rows)
        {
            var item = new JsonObject();
            foreach (var i in DataColumns(result))
            {
                item[result.Columns[i].Key] = ToJsonValue(row[i]);
            }

            rows.Add(item);
        }

        return rows;
    }

    private static IEnumerable<int> DataColumns(TabularResult result) =>
        Enumerable.Range(0, result.Columns.Count).Where(i => result.Columns[i].InData);

    public static JsonNode? ToJsonValue(object? value) => value switch
    {
        null => null,
        decimal number => JsonValue.Create(number),
        long number => JsonValue.Create(number),
        int number => JsonValue.Create(number),
        bool flag => JsonValue.Create(flag),
        DateOnly date => JsonValue.Create(Formats.Date(date)),
        _ => JsonValue.Create(Formats.Raw(value)),
    };

    public static void WriteJson(IAnsiConsole console, JsonNode? node)
    {
        var output = console.Profile.Out.Writer;
        output.WriteLine(node?.ToJsonString(JsonOptions) ?? "null");
        output.Flush();
    }
}
