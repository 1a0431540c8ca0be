using System.Globalization;
using TotalPlace.Import;

namespace TotalPlace.Web.Imports;

/// <summary>Turns the review page's mapping fields into a <see cref="ColumnMapping"/> and back.</summary>
/// <remarks>Each role's field holds a 1-based column number, the resolved form "3: Amount" that the page shows, or
/// a header name; an empty field leaves the role to be inferred.</remarks>
public static class MappingForm
{
    /// <summary>The roles in the order a person reads a spend file's columns.</summary>
    public static IReadOnlyList<ColumnRole> Roles { get; } =
    [
        ColumnRole.Date, ColumnRole.Amount, ColumnRole.Supplier, ColumnRole.SupplierId, ColumnRole.Reference,
        ColumnRole.ExpenseType, ColumnRole.ExpenseArea, ColumnRole.ServiceCode, ColumnRole.Description, ColumnRole.Body,
        ColumnRole.ContractReference, ColumnRole.InvoiceNumber,
    ];

    public static string Label(ColumnRole role) => role switch
    {
        ColumnRole.Date => "Payment date (required)",
        ColumnRole.Amount => "Amount (required; the line amount, never an invoice total)",
        ColumnRole.Supplier => "Supplier name",
        ColumnRole.SupplierId => "Supplier id or company number",
        ColumnRole.Reference => "Transaction or voucher number",
        ColumnRole.InvoiceNumber => "Supplier's invoice number",
        ColumnRole.ExpenseType => "Expense type",
        ColumnRole.ExpenseArea => "Expense area or service",
        ColumnRole.ServiceCode => "Service or cost-centre code",
        ColumnRole.Description => "Description",
        ColumnRole.Body => "Publishing body",
        ColumnRole.ContractReference => "Contract or purchase-order number",
        _ => role.ToString(),
    };

    public static string Value(ColumnMapping mapping, ColumnRole role)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return mapping[role]?.ToString() ?? "";
    }

    /// <summary>Builds a mapping from the form's fields; problems are returned keyed by role, each stating the rule.</summary>
    public static ColumnMapping Parse(
        IReadOnlyDictionary<string, string?> columns, int? headerRow, string? dateOrder, bool decimalComma, out Dictionary<string, string> problems)
    {
        ArgumentNullException.ThrowIfNull(columns);
        problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var mapped = new Dictionary<ColumnRole, MappedColumn>();
        foreach (var role in Roles)
        {
            var text = columns.GetValueOrDefault(role.ToString())?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var numberPart = colon > 0 ? text[..colon].Trim() : text;
            if (int.TryParse(numberPart, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                if (number < 1)
                {
                    problems[role.ToString()] = "Column numbers start at 1.";
                    continue;
                }

                mapped[role] = MappedColumn.ByNumber(number);
            }
            else
            {
                mapped[role] = MappedColumn.ByHeader(text);
            }
        }

        if (headerRow is < 0)
        {
            problems["HeaderRow"] = "The header row is a row number from 1, or 0 for a file with no header.";
        }

        DateOrder? order = dateOrder switch
        {
            "dayFirst" => DateOrder.DayFirst,
            "monthFirst" => DateOrder.MonthFirst,
            _ => null,
        };
        return new ColumnMapping { Columns = mapped, HeaderRow = headerRow is >= 0 ? headerRow : null, DateOrder = order, DecimalComma = decimalComma };
    }
}
