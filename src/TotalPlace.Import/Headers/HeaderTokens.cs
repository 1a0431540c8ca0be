using System.Collections.Frozen;
using System.Text;

namespace TotalPlace.Import.Headers;

/// <summary>Reads a header as the words a person would: "PymtDate", "SumOfNet Amt", "TRANS_DATE",
/// "BeneficiaryName", "netamount" and "Transaction No." become "payment date", "net amount", "transaction date",
/// "beneficiary name", "net amount" and "transaction number".</summary>
/// <remarks>
/// <para>Words break at anything that is not a letter or digit, at a lower-to-upper case change (camel case), at the
/// last capital of a run of capitals followed by lower case ("URIValue"), and between letters and digits. A word the
/// vocabulary does not know is split into known words when it can be split completely ("datepaid", "suppliername");
/// otherwise it is kept whole, so a real word is never cut into fragments.</para>
/// <para>Abbreviations public bodies use are then spelled out (AMT, PYMT, NETT, VAL, TRANS, INV, DEPT, DESC, REF,
/// NO/NUM/NBR, …). An Access query's "Sum of" prefix is dropped: "SumOfNet Amt" is the net amount.</para>
/// </remarks>
internal static class HeaderTokens
{
    private static readonly FrozenDictionary<string, string> s_abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["amt"] = "amount",
        ["amnt"] = "amount",
        ["amout"] = "amount",
        ["pymt"] = "payment",
        ["pmt"] = "payment",
        ["paymt"] = "payment",
        ["pymnt"] = "payment",
        ["nett"] = "net",
        ["val"] = "value",
        ["trans"] = "transaction",
        ["txn"] = "transaction",
        ["trn"] = "transaction",
        ["tran"] = "transaction",
        ["transation"] = "transaction",
        ["inv"] = "invoice",
        ["dept"] = "department",
        ["dep"] = "department",
        ["desc"] = "description",
        ["descr"] = "description",
        ["ref"] = "reference",
        ["no"] = "number",
        ["num"] = "number",
        ["nbr"] = "number",
        ["nr"] = "number",
        ["dt"] = "date",
        ["supp"] = "supplier",
        ["suppl"] = "supplier",
        ["vend"] = "vendor",
        ["org"] = "organisation",
        ["organization"] = "organisation",
        ["exp"] = "expense",
        ["expenditure"] = "expenditure",
        ["cat"] = "category",
        ["excl"] = "excluding",
        ["exc"] = "excluding",
        ["ex"] = "excluding",
        ["incl"] = "including",
        ["inc"] = "including",
        ["id"] = "id",
        ["uri"] = "uri",
        ["gbp"] = "gbp",
        ["cc"] = "cost centre",
        ["center"] = "centre",
        ["co"] = "company",
        ["reg"] = "registration",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words that may be found run together in a header ("datepaid"), longest first when splitting.</summary>
    private static readonly FrozenSet<string> s_vocabulary = new[]
    {
        "account", "accounts", "address", "amount", "area", "authority", "beneficiary", "billing", "body", "business",
        "category", "centre", "charity", "clearing", "code", "company", "contract", "cost", "council", "creditor",
        "date", "department", "description", "detail", "details", "directorate", "division", "document", "effective",
        "element", "entity", "expenditure", "expense", "family", "gross", "group", "id", "invoice", "item", "journal",
        "label", "ledger", "line", "merchant", "name", "narrative", "net", "nominal", "number", "of", "order",
        "organisation", "paid", "payee", "payment", "portfolio", "posting", "postcode", "procurement", "proclass",
        "purchase", "purpose", "recipient", "reference", "registered", "registration", "run", "service", "spend",
        "subjective", "sum", "summary", "supplier", "tax", "team", "total", "transaction", "type", "unit", "uri",
        "value", "vat", "vendor", "voucher", "amt", "pymt", "trans", "inv", "dept", "desc", "ref", "no", "num", "val",
        "nett", "excl", "incl",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Names written in mixed case that are one word, not camel case ("SeRCOP", "BVACOP", "ProClass").</summary>
    private static readonly FrozenSet<string> s_mixedCaseWords = new[] { "sercop", "bvacop", "proclass", "ebay", "ipad", "iphone", "eon", "npower", "uri" }
        .ToFrozenSet(StringComparer.Ordinal);

    private const int LongestVocabularyWord = 12;

    /// <summary>The header's words, lower case, abbreviations spelled out, joined by single spaces.</summary>
    public static string Read(ReadOnlySpan<char> header)
    {
        var words = Words(header);
        if (words.Count >= 2 && words[0] == "sum" && words[1] == "of")
        {
            words.RemoveRange(0, 2);
        }

        return string.Join(' ', words);
    }

    /// <summary>The words before the "sum of" rule, for tests and evidence.</summary>
    public static List<string> Words(ReadOnlySpan<char> header)
    {
        var result = new List<string>();
        foreach (var raw in RawWords(header))
        {
            foreach (var piece in Segment(raw))
            {
                foreach (var word in (s_abbreviations.TryGetValue(piece, out var full) ? full : piece).Split(' '))
                {
                    result.Add(word);
                }
            }
        }

        return result;
    }

    private static List<string> RawWords(ReadOnlySpan<char> header)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (current.Length > 0)
            {
                var previous = header[i - 1];
                var camel = char.IsLower(previous) && char.IsUpper(c);
                var capitalsThenWord = char.IsUpper(previous) && char.IsUpper(c) && i + 1 < header.Length && char.IsLower(header[i + 1]) && current.Length > 1;
                var digitEdge = char.IsDigit(previous) != char.IsDigit(c);
                if (camel || capitalsThenWord || digitEdge)
                {
                    Flush(words, current);
                }
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (s_mixedCaseWords.Contains(words[i] + words[i + 1]))
            {
                words[i] += words[i + 1];
                words.RemoveAt(i + 1);
            }
        }

        return words;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }

    /// <summary>Splits a run-together word into vocabulary words when it can be split completely into the fewest
    /// of them; otherwise returns it whole.</summary>
    private static IEnumerable<string> Segment(string word)
    {
        if (word.Length < 5 || s_vocabulary.Contains(word) || s_abbreviations.ContainsKey(word) || !char.IsLetter(word[0]))
        {
            return [word];
        }

        // best[i]: the fewest words covering word[..i], with the split point that achieves it.
        var best = new int[word.Length + 1];
        var from = new int[word.Length + 1];
        Array.Fill(best, int.MaxValue);
        best[0] = 0;
        for (var end = 1; end <= word.Length; end++)
        {
            for (var start = Math.Max(0, end - LongestVocabularyWord); start < end; start++)
            {
                if (best[start] == int.MaxValue || end - start < 2)
                {
                    continue;
                }

                if (s_vocabulary.Contains(word[start..end]) && best[start] + 1 < best[end])
                {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }

        if (best[word.Length] == int.MaxValue)
        {
            return [word];
        }

        var pieces = new List<string>();
        for (var end = word.Length; end > 0; end = from[end])
        {
            pieces.Add(word[from[end]..end]);
        }

        pieces.Reverse();
        return pieces;
    }
}
