using TotalPlace.Core;
using TotalPlace.Core.Spending;

namespace TotalPlace.Demo;

/// <summary>Generates a partner's published spend lines for a year: skewed amounts above the publishing threshold,
/// a few suppliers taking most of the money, weekday payment dates, about 2% credit notes, 0.5% repeated payments
/// (the same supplier, amount and date under a new transaction number) and redacted personal-data payees in care.</summary>
internal static class DemoTransactions
{
    public const string Redacted = "REDACTED - PERSONAL DATA";

    public static IEnumerable<Transaction> Generate(DemoPartner partner, FiscalYear year, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(unchecked(seed * 31 + (int)DemoSuppliers.StableHash(partner.Slug) + year.StartYear));
        var cumulative = new double[partner.Areas.Length];
        var sum = 0d;
        for (var i = 0; i < partner.Areas.Length; i++)
        {
            sum += partner.Areas[i].Weight;
            cumulative[i] = sum;
        }

        var days = year.End.DayNumber - year.Start.DayNumber + 1;
        var referenceBase = 1_000_000 + (year.StartYear % 100) * 100_000;
        Transaction? previous = null;
        for (var i = 0; i < count; i++)
        {
            var row = i + 2;
            var reference = $"{partner.ReferencePrefix}{referenceBase + i:D7}";
            if (previous is not null && random.NextDouble() < 0.005)
            {
                previous = previous with { Reference = reference, SourceRow = row };
                yield return previous;
                continue;
            }

            var found = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            var area = partner.Areas[Math.Min(found < 0 ? ~found : found, partner.Areas.Length - 1)];
            var type = area.ExpenseTypes[random.Next(area.ExpenseTypes.Length)];
            var suppliers = DemoSuppliers.Of(area.Trade);

            // Squaring a uniform draw skews choice towards the first suppliers: a few take most of the money.
            var supplier = suppliers[(int)(suppliers.Count * Math.Pow(random.NextDouble(), 2.2))];
            var date = DateOnly.FromDayNumber(year.Start.DayNumber + random.Next(days));
            date = date.DayOfWeek switch
            {
                DayOfWeek.Saturday => date.AddDays(-1),
                DayOfWeek.Sunday => date.AddDays(-2),
                _ => date,
            };
            if (!year.Contains(date))
            {
                date = date.AddDays(3);
            }

            var amount = Amount(random, partner);
            if (random.NextDouble() < 0.02)
            {
                amount = -decimal.Round(amount / (1 + random.Next(4)), 2);
            }

            var redacted = area.Trade is SupplierTrade.Care or SupplierTrade.Children && partner.Threshold < 25_000m && random.NextDouble() < 0.03;
            previous = new Transaction
            {
                Date = date,
                Amount = amount,
                Supplier = redacted ? Redacted : DemoSuppliers.AsWrittenBy(supplier, partner.Slug),
                SupplierId = redacted ? null : supplier.CompanyNumber,
                Body = partner.Agency.Name,
                Reference = reference,
                ExpenseType = type,
                ExpenseArea = area.ExpenseArea,
                ServiceCode = area.ServiceCode.Length == 0 ? null : area.ServiceCode,
                Description = random.Next(3) == 0 ? null : $"{type} - {date:MMMM yyyy}",
                SourceRow = row,
            };
            yield return previous;
        }
    }

    private static decimal Amount(Random random, DemoPartner partner)
    {
        // Log-normal around the partner's median line, never below its publishing threshold.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        var value = (double)partner.MedianLine * Math.Exp(1.1 * normal);
        value = Math.Min(value, (double)partner.MedianLine * 400);
        var amount = decimal.Round((decimal)value, 2);
        return amount < partner.Threshold ? partner.Threshold + decimal.Round((decimal)(random.NextDouble() * (double)partner.Threshold), 2) : amount;
    }
}
