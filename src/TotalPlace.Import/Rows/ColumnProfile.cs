using System.Globalization;

namespace TotalPlace.Import.Rows;

/// <summary>What the values of one column look like in the rows sampled below its header: how many read as money,
/// with pence, as whole numbers, as dates, and how many differ. It lets the reader weigh a column's content against
/// its name (a cheque-number column headed "Amount" holds whole numbers that are all different).</summary>
internal sealed record ColumnProfile(int Column, int NonEmpty, int Money, int WithPence, int Integers, int Dates, int Distinct)
{
    public const int SampleRows = 500;

    public double MoneyShare => Share(Money);

    public double PenceShare => Share(WithPence);

    public double IntegerShare => Share(Integers);

    public double DateShare => Share(Dates);

    public double DistinctShare => Share(Distinct);

    /// <summary>How much the content looks like a money column, 0 to 100: money-shaped values, with pence, not all
    /// different whole numbers (references) and not dates.</summary>
    public int MoneyScore => NonEmpty == 0
        ? 0
        : (int)Math.Round((60 * MoneyShare) + (30 * PenceShare) + (10 * (1 - DateShare)) - (20 * Math.Max(0, IntegerShare - PenceShare) * DistinctShare));

    public static ColumnProfile Of(IReadOnlyList<RawRecord> body, int column, bool decimalComma)
    {
        int nonEmpty = 0, money = 0, pence = 0, integers = 0, dates = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in body.Take(SampleRows))
        {
            if (column >= record.Count || string.IsNullOrWhiteSpace(record.Cells[column]))
            {
                continue;
            }

            var text = record.Cells[column].Trim();
            nonEmpty++;
            distinct.Add(text);
            if (AmountParser.TryParseCore(text, decimalComma, out var amount) == AmountStatus.Ok)
            {
                money++;
                if (decimal.Truncate(amount) != amount)
                {
                    pence++;
                }
                else if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains(',', StringComparison.Ordinal) && !text.Contains('£', StringComparison.Ordinal))
                {
                    integers++;
                }
            }

            if (DateParser.Classify(text) is not (DateShape.Empty or DateShape.Invalid) && !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                dates++;
            }
        }

        return new ColumnProfile(column, nonEmpty, money, pence, integers, dates, distinct.Count);
    }

    /// <summary>The evidence in words, for the import report.</summary>
    public string Describe() => NonEmpty == 0
        ? "no values in the sample"
        : string.Create(CultureInfo.InvariantCulture, $"{Money} of {NonEmpty} sampled values read as money, {WithPence} with pence, {Dates} as dates, {Distinct} different");

    private double Share(int count) => NonEmpty == 0 ? 0 : (double)count / NonEmpty;
}
