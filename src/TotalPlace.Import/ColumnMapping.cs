using System.Text.Json;
using System.Text.Json.Nodes;

namespace TotalPlace.Import;

/// <summary>Which column holds each role, where the header is, and how dates are written: the guess a reader made,
/// or a user's override from a mapping file. A reader's result holds a resolved mapping (every column by number and
/// header) that can be edited and passed back in <see cref="SpendReadOptions.Mapping"/>.</summary>
/// <remarks>The JSON form is documented in docs/data-formats.md.</remarks>
public sealed record ColumnMapping
{
    private static readonly Dictionary<string, ColumnRole> s_roleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["body"] = ColumnRole.Body,
        ["date"] = ColumnRole.Date,
        ["reference"] = ColumnRole.Reference,
        ["transactionNumber"] = ColumnRole.Reference,
        ["amount"] = ColumnRole.Amount,
        ["supplier"] = ColumnRole.Supplier,
        ["supplierId"] = ColumnRole.SupplierId,
        ["companyNumber"] = ColumnRole.SupplierId,
        ["expenseType"] = ColumnRole.ExpenseType,
        ["expenseArea"] = ColumnRole.ExpenseArea,
        ["service"] = ColumnRole.ExpenseArea,
        ["serviceCode"] = ColumnRole.ServiceCode,
        ["description"] = ColumnRole.Description,
        ["contractReference"] = ColumnRole.ContractReference,
        ["contractNumber"] = ColumnRole.ContractReference,
        ["purchaseOrder"] = ColumnRole.ContractReference,
        ["invoiceNumber"] = ColumnRole.InvoiceNumber,
    };

    private readonly IReadOnlyDictionary<ColumnRole, MappedColumn> _columns = new Dictionary<ColumnRole, MappedColumn>();

    /// <summary>A mapping that overrides nothing: every column is inferred.</summary>
    public static ColumnMapping Empty { get; } = new();

    /// <summary>The columns given for each role.</summary>
    public IReadOnlyDictionary<ColumnRole, MappedColumn> Columns
    {
        get => _columns;
        init => _columns = new Dictionary<ColumnRole, MappedColumn>(value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>The 1-based physical row (line) of the header; null to find it; 0 when the file has no header row
    /// (then every column must be given by number).</summary>
    public int? HeaderRow { get; init; }

    /// <summary>How all-numeric dates are written; null to infer from the file.</summary>
    public DateOrder? DateOrder { get; init; }

    /// <summary>True when amounts use a decimal comma (1.234,56).</summary>
    public bool DecimalComma { get; init; }

    /// <summary>The column given for a role, or null.</summary>
    public MappedColumn? this[ColumnRole role] => _columns.TryGetValue(role, out var column) ? column : null;

    /// <summary>A copy with the role's column set.</summary>
    public ColumnMapping With(ColumnRole role, MappedColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var columns = new Dictionary<ColumnRole, MappedColumn>(_columns) { [role] = column };
        return this with { Columns = columns };
    }

    /// <summary>A copy without the role (it will not be read, or will be inferred when the mapping is applied).</summary>
    public ColumnMapping Without(ColumnRole role)
    {
        var columns = new Dictionary<ColumnRole, MappedColumn>(_columns);
        columns.Remove(role);
        return this with { Columns = columns };
    }

    /// <summary>Reads a mapping file; throws <see cref="ImportRejectedException"/> listing every problem, each naming
    /// the mapping file, line and key.</summary>
    public static ColumnMapping FromJson(string json, string fileName)
    {
        if (!TryFromJson(json, fileName, out var mapping, out var errors))
        {
            throw new ImportRejectedException(fileName, errors, errors.Count);
        }

        return mapping;
    }

    /// <summary>Reads a mapping file, collecting problems instead of throwing.</summary>
    public static bool TryFromJson(string json, string fileName, out ColumnMapping mapping, out IReadOnlyList<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        mapping = Empty;
        var problems = new List<ImportError>();
        errors = problems;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            problems.Add(new ImportError(fileName, (int)(ex.LineNumber ?? 0) + 1, string.Empty, string.Empty, $"mapping file is not valid JSON: {ex.Message}"));
            return false;
        }

        if (root is not JsonObject obj)
        {
            problems.Add(new ImportError(fileName, 1, string.Empty, string.Empty, "mapping file must be a JSON object with a \"columns\" object"));
            return false;
        }

        var lines = json.Split('\n');
        int LineOf(string key)
        {
            var quoted = $"\"{key}\"";
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains(quoted, StringComparison.OrdinalIgnoreCase))
                {
                    return i + 1;
                }
            }

            return 1;
        }

        var columns = new Dictionary<ColumnRole, MappedColumn>();
        int? headerRow = null;
        DateOrder? dateOrder = null;
        var decimalComma = false;
        foreach (var (key, value) in obj)
        {
            switch (key)
            {
                case "columns" when value is JsonObject columnObject:
                    foreach (var (roleName, spec) in columnObject)
                    {
                        if (!s_roleNames.TryGetValue(roleName, out var role))
                        {
                            problems.Add(new ImportError(fileName, LineOf(roleName), $"columns.{roleName}", roleName,
                                $"unknown role; use one of {string.Join(", ", s_roleNames.Keys)}"));
                            continue;
                        }

                        if (spec is JsonValue v && v.TryGetValue<int>(out var number))
                        {
                            if (number < 1)
                            {
                                problems.Add(new ImportError(fileName, LineOf(roleName), $"columns.{roleName}", number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                    "column numbers start at 1"));
                                continue;
                            }

                            columns[role] = MappedColumn.ByNumber(number);
                        }
                        else if (spec is JsonValue s && s.TryGetValue<string>(out var header) && !string.IsNullOrWhiteSpace(header))
                        {
                            columns[role] = MappedColumn.ByHeader(header);
                        }
                        else
                        {
                            problems.Add(new ImportError(fileName, LineOf(roleName), $"columns.{roleName}", spec?.ToJsonString() ?? "null",
                                "a column is given by its header name (a string) or its 1-based number"));
                        }
                    }

                    break;
                case "headerRow" when value is JsonValue hv && hv.TryGetValue<int>(out var row) && row >= 0:
                    headerRow = row;
                    break;
                case "dateOrder" when value is JsonValue dv && dv.TryGetValue<string>(out var order) && TryParseDateOrder(order, out var parsed):
                    dateOrder = parsed;
                    break;
                case "decimalComma" when value is JsonValue cv && cv.TryGetValue<bool>(out var comma):
                    decimalComma = comma;
                    break;
                case "columns" or "headerRow" or "dateOrder" or "decimalComma":
                    problems.Add(new ImportError(fileName, LineOf(key), key, value?.ToJsonString() ?? "null", key switch
                    {
                        "columns" => "\"columns\" must be an object of role: header name or 1-based column number",
                        "headerRow" => "\"headerRow\" must be a whole number: the 1-based row of the header, or 0 for none",
                        "dateOrder" => "\"dateOrder\" must be \"dayFirst\" (UK, dd/mm/yyyy) or \"monthFirst\" (US, mm/dd/yyyy)",
                        _ => "\"decimalComma\" must be true or false",
                    }));
                    break;
                default:
                    problems.Add(new ImportError(fileName, LineOf(key), key, key,
                        "unknown setting; a mapping file has \"columns\", \"headerRow\", \"dateOrder\" and \"decimalComma\""));
                    break;
            }
        }

        if (headerRow == 0 && columns.Values.Any(c => c.Number is null))
        {
            problems.Add(new ImportError(fileName, LineOf("headerRow"), "headerRow", "0",
                "with no header row (headerRow 0) every column must be given by number"));
        }

        if (problems.Count > 0)
        {
            return false;
        }

        mapping = new ColumnMapping { Columns = columns, HeaderRow = headerRow, DateOrder = dateOrder, DecimalComma = decimalComma };
        return true;
    }

    /// <summary>Writes the mapping in the mapping-file form (columns by number and header, as resolved).</summary>
    public string ToJson()
    {
        var columns = new JsonObject();
        foreach (var (role, column) in _columns.OrderBy(c => c.Key))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(role.ToString());
            columns[name] = column.Number is { } n ? JsonValue.Create(n) : JsonValue.Create(column.Header);
        }

        var root = new JsonObject();
        if (HeaderRow is { } row)
        {
            root["headerRow"] = row;
        }

        if (DateOrder is { } order)
        {
            root["dateOrder"] = order == Import.DateOrder.DayFirst ? "dayFirst" : "monthFirst";
        }

        if (DecimalComma)
        {
            root["decimalComma"] = true;
        }

        root["columns"] = columns;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static bool TryParseDateOrder(string text, out DateOrder order)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "DAYFIRST" or "DMY" or "UK" or "DD/MM/YYYY":
                order = Import.DateOrder.DayFirst;
                return true;
            case "MONTHFIRST" or "MDY" or "US" or "MM/DD/YYYY":
                order = Import.DateOrder.MonthFirst;
                return true;
            default:
                order = default;
                return false;
        }
    }
}
