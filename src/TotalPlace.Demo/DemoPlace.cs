using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TotalPlace.Core;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Storage;

namespace TotalPlace.Demo;

/// <summary>Builds the synthetic demo place: Greater Manchester (GSS E11000001, ONS Census 2021 population) with a
/// dozen partners, statements of about £22bn a year over three years, and published-style spend lines.</summary>
/// <remarks>Every figure is invented (see samples/README.md) but shaped like a city region's. The build is
/// deterministic for given <see cref="DemoOptions"/>, and idempotent: each batch has a SHA-256 derived from its
/// content, so building twice into one store adds nothing the second time.</remarks>
public static class DemoPlace
{
    /// <summary>The demo place's GSS code: Greater Manchester (metropolitan county).</summary>
    public const string Code = "E11000001";

    /// <summary>The demo place's name.</summary>
    public const string Name = "Greater Manchester";

    /// <summary>Who the demo's batches are recorded as imported by.</summary>
    public const string ImportedBy = "totalplace demo (synthetic data)";

    /// <summary>The partners' agencies, in order.</summary>
    public static IReadOnlyList<Agency> Partners => [.. DemoPartners.All.Select(p => p.Agency)];

    /// <summary>Builds the demo place into <paramref name="store"/> with the default options.</summary>
    public static Task<DemoSummary> BuildAsync(IPlaceStore store, IProgress<DemoProgress>? progress = null, CancellationToken cancellationToken = default) =>
        BuildAsync(store, new DemoOptions(), progress, TimeProvider.System, cancellationToken);

    /// <summary>Builds the demo place into <paramref name="store"/>.</summary>
    public static async Task<DemoSummary> BuildAsync(IPlaceStore store, DemoOptions options, IProgress<DemoProgress>? progress = null, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Years, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.TransactionLinesPerYear);
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var ons = OnsPopulation.Find(Code);
        await store.Places.UpsertPlaceAsync(new Place(Code, Name, ons?.Population ?? new Dictionary<int, long> { [2021] = 2_867_800 }), cancellationToken);
        foreach (var partner in DemoPartners.All)
        {
            await store.Places.EnsureAgencyAsync(Code, partner.Agency, cancellationToken);
        }

        var statements = Statements(options);
        var totalSteps = 1 + (DemoPartners.All.Count * options.Years);
        var step = 0;
        var batches = 0;
        progress?.Report(new DemoProgress("statements", step, totalSteps));
        var statementResult = await store.Spend.CommitStatementsAsync(
            Header("", "gm-partner-statements.csv", Hash("statements", options), statements.Count, now),
            statements,
            cancellationToken);
        batches += statementResult.AlreadyImported ? 0 : 1;
        progress?.Report(new DemoProgress("statements", ++step, totalSteps));

        var shares = DemoPartners.All.Sum(p => p.TransactionShare);
        var lines = 0L;
        var total = 0m;
        foreach (var year in options.FiscalYears)
        {
            foreach (var partner in DemoPartners.All)
            {
                var count = (int)Math.Round(options.TransactionLinesPerYear * partner.TransactionShare / shares);
                var fileName = $"{partner.Slug}-spend-{year}.csv";
                var generated = DemoTransactions.Generate(partner, year, count, options.Seed);
                var result = await store.Spend.CommitTransactionsAsync(
                    Header(partner.Agency.Name, fileName, Hash(fileName, options), count, now),
                    generated,
                    cancellationToken);
                batches += result.AlreadyImported ? 0 : 1;
                lines += result.Batch.RowsLoaded;
                total += result.Batch.Total;
                progress?.Report(new DemoProgress($"{partner.Agency.Name} {year}", ++step, totalSteps));
            }
        }

        return new DemoSummary(
            Code,
            DemoPartners.All.Count,
            statements.GroupBy(s => s.Year).ToDictionary(g => g.Key, g => g.Sum(s => s.Amount)),
            lines,
            total,
            batches);
    }

    /// <summary>The statements the demo stores: each partner's lines for each year, scaled so the middle year
    /// totals <see cref="DemoOptions.StatementTotalPerYear"/>, grown about 4% a year, rounded to the nearest £1,000.</summary>
    public static IReadOnlyList<SpendStatement> Statements(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseTotal = DemoPartners.All.SelectMany(p => p.Statements).Sum(s => s.Millions) * 1_000_000m;
        var scale = options.StatementTotalPerYear / baseTotal;
        var middle = options.Years / 2;
        var statements = new List<SpendStatement>();
        var row = 1;
        for (var i = 0; i < options.Years; i++)
        {
            var year = FiscalYear.StartingIn(options.FirstYear + i);
            var growth = (decimal)Math.Pow(1.04, i - middle);
            foreach (var partner in DemoPartners.All)
            {
                foreach (var line in partner.Statements)
                {
                    var amount = decimal.Round(line.Millions * 1_000_000m * scale * growth / 1000m, 0) * 1000m;
                    statements.Add(new SpendStatement(partner.Agency.Name, line.Theme, line.FundingStream, year, amount, line.Kind, ++row));
                }
            }
        }

        return statements;
    }

    private static BatchHeader Header(string agency, string fileName, string sha256, int rows, DateTimeOffset now) =>
        new(Code, agency, fileName, sha256, rows, [], ImportedBy, now);

    private static string Hash(string what, DemoOptions options) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"totalplace-demo|{what}|{options.Seed}|{options.FirstYear}|{options.Years}|{options.TransactionLinesPerYear}|{options.StatementTotalPerYear}"))));
}
