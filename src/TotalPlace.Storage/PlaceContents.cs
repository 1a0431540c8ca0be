using System.Globalization;
using TotalPlace.Core;

namespace TotalPlace.Storage;

/// <summary>What a place holds in the store, table by table: what deleting it removes (shown before, reported after).</summary>
/// <param name="PlaceCode">The place's GSS code.</param>
/// <param name="PlaceName">The place's name.</param>
/// <param name="Rows">Rows per table that holds per-place data (every table with a <c>place_id</c> column, read from the
/// schema, so a table added later is counted and deleted too), including the place's own row.</param>
/// <param name="TransactionsTotal">The exact total of the place's transaction lines.</param>
/// <param name="StatementsTotal">The exact total of the place's statement lines (outturn, budgets, benefits paid).</param>
/// <param name="AccountsNamingPlace">User accounts bound to the place (agency analysts): store-wide, so they are not
/// deleted with the place; they are named so an administrator can change or remove them.</param>
/// <param name="AuditEntries">Entries on the audit trail about the place: the trail is append-only, so they stay.</param>
public sealed record PlaceContents(
    string PlaceCode,
    string PlaceName,
    IReadOnlyDictionary<string, long> Rows,
    decimal TransactionsTotal,
    decimal StatementsTotal,
    long AccountsNamingPlace,
    long AuditEntries)
{
    /// <summary>How the tables a person knows by name are called in words, in the order they are listed.</summary>
    private static readonly (string Table, string One, string Many)[] s_named =
    [
        ("import_batch", "batch", "batches"),
        ("spend_transaction", "transaction line", "transaction lines"),
        ("spend_statement", "statement line", "statement lines"),
        ("official_statement", "official return line", "official return lines"),
        ("agency", "agency", "agencies"),
        ("offer", "offer", "offers"),
        ("proposal", "proposal", "proposals"),
        ("waste_finding", "waste finding", "waste findings"),
        ("asset", "asset", "assets"),
        ("place_package", "place package", "place packages"),
        ("import_mapping", "remembered mapping", "remembered mappings"),
        ("classification_rule", "classification rule", "classification rules"),
        ("place_population", "population figure", "population figures"),
        ("import_reject", "rejected row kept with a batch", "rejected rows kept with batches"),
        ("batch_publication", "publication", "publications"),
    ];

    /// <summary>Rows in <paramref name="table"/>; 0 when it has none.</summary>
    public long Count(string table) => Rows.GetValueOrDefault(table);

    /// <summary>Import batches.</summary>
    public long Batches => Count("import_batch");

    /// <summary>Transaction lines.</summary>
    public long TransactionLines => Count("spend_transaction");

    /// <summary>Statement lines.</summary>
    public long StatementLines => Count("spend_statement");

    /// <summary>Every row the place holds, its own row included.</summary>
    public long TotalRows => Rows.Values.Sum();

    /// <summary>Each table with rows for the place, in words ("Transaction lines", "Waste findings", others by their
    /// table name with spaces), with its row count; the place's own row is left out.</summary>
    public IReadOnlyList<(string What, long Rows)> Items()
    {
        var items = s_named.Where(n => Count(n.Table) > 0).Select(n => (char.ToUpperInvariant(n.Many[0]) + n.Many[1..], Count(n.Table))).ToList();
        items.AddRange(Rows.Where(r => r.Value > 0 && r.Key != "place" && !s_named.Any(n => n.Table == r.Key))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => (char.ToUpperInvariant(r.Key[0]) + r.Key[1..].Replace('_', ' '), r.Value)));
        return items;
    }

    /// <summary>The counts in words, e.g. "3 batches, 1,200 transaction lines (£12,345.67), 40 statement lines
    /// (£1,000.00), 2 offers, … and 14 other rows (import_reject 3, …)"; tables with no row are left out, the place's own
    /// row is not counted.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        foreach (var (table, one, many) in s_named)
        {
            var n = Count(table);
            if (n == 0 && table is not ("import_batch" or "spend_transaction"))
            {
                continue;
            }

            var text = string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? one : many)}");
            if (table == "spend_transaction")
            {
                text += $" ({MoneyFormat.Pounds(TransactionsTotal)})";
            }
            else if (table == "spend_statement")
            {
                text += $" ({MoneyFormat.Pounds(StatementsTotal)})";
            }

            parts.Add(text);
        }

        var others = Rows.Where(r => r.Value > 0 && r.Key != "place" && !s_named.Any(n => n.Table == r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        if (others.Count > 0)
        {
            var count = others.Sum(o => o.Value);
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count:N0} other {(count == 1 ? "row" : "rows")} ({string.Join(", ", others.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key} {o.Value:N0}")))})"));
        }

        return string.Join(", ", parts);
    }
}
