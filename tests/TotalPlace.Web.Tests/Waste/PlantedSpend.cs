using System.Globalization;
using System.Text;
using TotalPlace.Core.Places;
using TotalPlace.Storage;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Waste;

/// <summary>A second place for the waste review tests, with more duplicate payments than one page holds: a council's
/// month written by this class, with <see cref="Pairs"/> bills each paid twice under a new transaction number (same
/// invoice number, amount and supplier, 0-3 days later) among single payments. The expected findings are this input,
/// not the product's output.</summary>
public static class PlantedSpend
{
    /// <summary>After the fixture's Devon place in code order, so pages that default to the first place still show Devon.</summary>
    public const string PlaceCode = "E10000030";

    public const string Agency = "Surrey County Council";

    public const string FileName = "surrey-planted.csv";

    /// <summary>More than the review's 50 a page.</summary>
    public const int Pairs = 60;

    private static readonly SemaphoreSlim s_once = new(1, 1);

    /// <summary>The amount paid twice in pair <paramref name="i"/> (each pair its own amount).</summary>
    public static decimal Amount(int i) => 1_000m + (i * 137.41m);

    public static string Supplier(int i) => $"PROVIDER {(char)('A' + (i % 26))}{(char)('A' + (i / 26))} SERVICES LTD";

    /// <summary>Commits the file to the store once (later calls find it there).</summary>
    public static async Task SeedAsync(IPlaceStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await s_once.WaitAsync(cancellationToken);
        try
        {
            if ((await store.Places.ListPlacesAsync(cancellationToken)).Any(p => p.Code == PlaceCode))
            {
                return;
            }

            await store.Places.EnsurePlaceAsync(PlaceCode, cancellationToken);
            await store.Places.EnsureAgencyAsync(PlaceCode, new Agency(Agency, AgencyKind.LocalAuthority, FundingSource.LocalTaxation), cancellationToken);
            await SampleFiles.CommitAsync(store, PlaceCode, Agency, FileName, Csv(), "web tests", cancellationToken: cancellationToken);
        }
        finally
        {
            s_once.Release();
        }
    }

    private static byte[] Csv()
    {
        var text = new StringBuilder("Date,Transaction Number,Invoice Number,Amount,Supplier Name,Expense Type,Expense Area,Description\n");
        var transaction = 500_000;
        var start = new DateOnly(2026, 6, 1);
        void Write(DateOnly date, decimal amount, string supplier, string invoice) =>
            text.Append(CultureInfo.InvariantCulture, $"{date:dd/MM/yyyy},S{++transaction},{invoice},{amount.ToString("0.00", CultureInfo.InvariantCulture)},{supplier},Supplies and services,Adult social care,Order {transaction}\n");

        for (var i = 0; i < Pairs; i++)
        {
            var date = start.AddDays(i % 20);
            var invoice = "SC" + (31_000 + (i * 911)).ToString(CultureInfo.InvariantCulture);
            Write(date, Amount(i), Supplier(i), invoice);
            Write(date.AddDays(1), Amount(i) + 310m, Supplier(i), "SX" + (80_000 + (i * 1_013)).ToString(CultureInfo.InvariantCulture));
            Write(date.AddDays(i % 4), Amount(i), Supplier(i), invoice);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
