using TotalPlace.Import.Headers;

namespace TotalPlace.Import.Rows;

/// <summary>Chooses the line-amount column from names and content together. The best name wins (a net or line amount
/// over gross, VAT and invoice totals); among equally good names, arithmetic settles net + VAT = gross, then content
/// (money with pence over all-different whole numbers such as cheque numbers). Two candidates that nothing separates
/// are refused, naming both: a wrong amount column is a wrong total that looks right.</summary>
internal static class AmountColumnChoice
{
    /// <summary>A column counts as a candidate's content only when at least this share of its values read as money.</summary>
    private const double MoneyLike = 0.5;

    /// <summary>How far apart two content scores must be for the content to settle a tie of names.</summary>
    private const int ClearContentLead = 10;

    public sealed record Outcome(int Column, string? Evidence, string? Error);

    public static Outcome Choose(string[] headers, int headerCount, IReadOnlyList<RawRecord> body, bool decimalComma, int byName)
    {
        var candidates = Enumerable.Range(0, headerCount)
            .Select(c => (Column: c, Name: SpendRoles.Matcher.Score(ColumnRole.Amount, headers[c])))
            .Where(c => c.Name > 0)
            .Select(c => (c.Column, c.Name, Profile: ColumnProfile.Of(body, c.Column, decimalComma)))
            .ToList();
        if (candidates.Count == 0)
        {
            return new Outcome(byName, null, null);
        }

        var viable = candidates.Where(c => c.Profile.NonEmpty == 0 || c.Profile.MoneyShare >= MoneyLike).ToList();
        var dropped = candidates.Except(viable).ToList();
        if (viable.Count == 0)
        {
            viable = candidates;
            dropped = [];
        }

        var top = viable.Max(c => c.Name);
        var tied = viable.Where(c => c.Name == top).ToList();
        var why = new List<string>();
        foreach (var d in dropped)
        {
            why.Add($"{Name(headers, d.Column)} is named like an amount but {d.Profile.Describe()}");
        }

        if (tied.Count > 1 && NetVatGross(headerCount, body, decimalComma) is { } sum)
        {
            var before = tied.Count;
            tied = tied.Where(c => c.Column != sum.Gross && c.Column != sum.Vat).ToList();
            if (tied.Count == 0)
            {
                tied = [.. viable.Where(c => c.Column == sum.Net).DefaultIfEmpty(candidates.First(c => c.Column == sum.Gross))];
            }

            if (tied.Count < before)
            {
                why.Add($"{Name(headers, sum.Net)} + {Name(headers, sum.Vat)} = {Name(headers, sum.Gross)} on every sampled row, so {Name(headers, sum.Net)} is the net line amount");
            }
        }

        if (tied.Count > 1 && !SameValues(body, tied.Select(c => c.Column).ToList())
            && tied.GroupBy(c => HeaderText.Normalise(headers[c.Column])).FirstOrDefault(g => g.Count() > 1) is { } sameName)
        {
            // Two columns with the very same heading: which one the publisher meant as the line amount is not for the
            // reader to guess from the values (cheque numbers look like whole pounds), so the user chooses.
            var columns = sameName.ToList();
            return new Outcome(-1, null,
                $"{columns.Count} columns are headed '{HeaderText.Display(headers[columns[0].Column], columns[0].Column)}' " +
                $"({string.Join(" and ", columns.Select(c => $"{Name(headers, c.Column)}: {c.Profile.Describe()}"))}); which one is the line amount " +
                $"must be chosen in a mapping file (\"columns\": {{ \"amount\": {columns[0].Column + 1} }}) or on the review page");
        }

        if (tied.Count > 1)
        {
            var ranked = tied.OrderByDescending(c => c.Profile.MoneyScore).ToList();
            if (ranked[0].Profile.MoneyScore - ranked[1].Profile.MoneyScore >= ClearContentLead)
            {
                why.Add($"{Name(headers, ranked[1].Column)} is named as well but its values look less like money ({ranked[1].Profile.Describe()})");
                tied = [ranked[0]];
            }
            else if (SameValues(body, tied.Select(c => c.Column).ToList()))
            {
                why.Add($"{string.Join(" and ", tied.Select(c => Name(headers, c.Column)))} hold the same values on every sampled row");
                tied = [tied[0]];
            }
            else
            {
                var first = tied[0];
                var second = tied[1];
                return new Outcome(-1, null,
                    $"two columns could equally be the amount: {Name(headers, first.Column)} ({first.Profile.Describe()}) and " +
                    $"{Name(headers, second.Column)} ({second.Profile.Describe()}); choose one in a mapping file " +
                    $"(\"columns\": {{ \"amount\": {first.Column + 1} }}) or on the review page");
            }
        }

        var chosen = tied[0];
        var evidence = $"amount: {Name(headers, chosen.Column)} (header read as '{HeaderTokens.Read(headers[chosen.Column])}'; {chosen.Profile.Describe()})" +
            (why.Count == 0 ? string.Empty : "; " + string.Join("; ", why));
        return new Outcome(chosen.Column, evidence, null);
    }

    private static string Name(string[] headers, int column) => $"column {column + 1} '{HeaderText.Display(headers[column], column)}'";

    private static bool SameValues(IReadOnlyList<RawRecord> body, List<int> columns) =>
        body.Take(ColumnProfile.SampleRows).All(r =>
            columns.Select(c => c < r.Count ? r.Cells[c].Trim() : string.Empty).Distinct(StringComparer.Ordinal).Count() == 1);

    /// <summary>Three money columns where one is the sum of the other two on every sampled row that has all three:
    /// the larger part is the net, the smaller the VAT.</summary>
    private static (int Net, int Vat, int Gross)? NetVatGross(int headerCount, IReadOnlyList<RawRecord> body, bool decimalComma)
    {
        var sample = body.Take(ColumnProfile.SampleRows).ToList();
        var values = new Dictionary<int, decimal?[]>();
        for (var c = 0; c < headerCount; c++)
        {
            var column = new decimal?[sample.Count];
            var parsed = 0;
            for (var r = 0; r < sample.Count; r++)
            {
                if (c < sample[r].Count && AmountParser.TryParseCore(sample[r].Cells[c], decimalComma, out var v) == AmountStatus.Ok && sample[r].Cells[c].Trim().Length > 0)
                {
                    column[r] = v;
                    parsed++;
                }
            }

            if (parsed >= 3 && parsed >= 0.9 * sample.Count(r => c < r.Count && !string.IsNullOrWhiteSpace(r.Cells[c])))
            {
                values[c] = column;
            }
        }

        var money = values.Keys.ToList();
        foreach (var gross in money)
        {
            foreach (var a in money)
            {
                foreach (var b in money)
                {
                    if (a >= b || a == gross || b == gross || !Sums(values[a], values[b], values[gross]))
                    {
                        continue;
                    }

                    var sumA = values[a].Sum(v => Math.Abs(v ?? 0m));
                    var sumB = values[b].Sum(v => Math.Abs(v ?? 0m));
                    return sumA >= sumB ? (a, b, gross) : (b, a, gross);
                }
            }
        }

        return null;
    }

    private static bool Sums(decimal?[] a, decimal?[] b, decimal?[] total)
    {
        var checkedRows = 0;
        var nonZero = false;
        for (var r = 0; r < total.Length; r++)
        {
            if (a[r] is not { } x || b[r] is not { } y || total[r] is not { } t)
            {
                continue;
            }

            if (x + y != t)
            {
                return false;
            }

            nonZero |= x != 0m && y != 0m;
            checkedRows++;
        }

        return checkedRows >= 3 && nonZero;
    }
}
