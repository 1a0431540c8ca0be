using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TotalPlace.Core.Waste;

/// <summary>
/// Reduces published supplier names to comparable keys: case, punctuation, "&amp;"/"and", legal suffixes
/// (LTD, LIMITED, PLC, LLP, CIC, CO...), trading names after "T/A", a leading or trailing "THE", bracketed
/// qualifiers, truncated abbreviations and whitespace. Also recognises redacted and personal entries.
/// </summary>
/// <remarks>Normalisation is idempotent: normalising a key gives the same key (a property test checks it). It is
/// reached by repeating the token rules until nothing changes, so no rule can undo another.</remarks>
public static partial class SupplierNameNormaliser
{
    // Removed wherever they stand: they never tell two suppliers apart.
    private static readonly FrozenSet<string> s_legalAnywhere = FrozenSet.ToFrozenSet(
        ["LTD", "LIMITED", "PLC", "LLP", "CIC", "AND", "MESSRS"], StringComparer.Ordinal);

    // Removed only at the end (CO, GROUP and UK carry meaning inside a name: "CO OPERATIVE", "UK COURT SERVICES").
    private static readonly FrozenSet<string> s_legalTrailing = FrozenSet.ToFrozenSet(
        ["CO", "COMPANY", "GROUP", "HOLDINGS", "UK", "INC", "LLC", "LD", "LT", "THE", "INCORPORATED"], StringComparer.Ordinal);

    // Abbreviations seen in real files, mostly from 32-character name fields (Devon truncates names).
    private static readonly FrozenDictionary<string, string> s_abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SRVS"] = "SERVICES",
        ["SERVS"] = "SERVICES",
        ["SVCS"] = "SERVICES",
        ["SERV"] = "SERVICES",
        ["TRST"] = "TRUST",
        ["ASSOC"] = "ASSOCIATION",
        ["ASSN"] = "ASSOCIATION",
        ["ASSOCS"] = "ASSOCIATES",
        ["FNDT"] = "FOUNDATION",
        ["FDN"] = "FOUNDATION",
        ["FOUND"] = "FOUNDATION",
        ["FNDN"] = "FOUNDATION",
        ["SCH"] = "SCHOOL",
        ["SCHL"] = "SCHOOL",
        ["PRIM"] = "PRIMARY",
        ["ACAD"] = "ACADEMY",
        ["HME"] = "HOME",
        ["CRE"] = "CARE",
        ["COUN"] = "COUNCIL",
        ["CNCL"] = "COUNCIL",
        ["DEPT"] = "DEPARTMENT",
        ["SOLCTRS"] = "SOLICITORS",
        ["SOLS"] = "SOLICITORS",
        ["CTR"] = "CENTRE",
        ["CNTR"] = "CENTRE",
        ["CENTER"] = "CENTRE",
        ["MGMT"] = "MANAGEMENT",
        ["MGT"] = "MANAGEMENT",
        ["INTL"] = "INTERNATIONAL",
        ["CONSTR"] = "CONSTRUCTION",
        ["AC"] = "ACCOUNT",
        ["ACCT"] = "ACCOUNT",
        ["PMTS"] = "PAYMENTS",
        ["PAYMNTS"] = "PAYMENTS",
        ["CORP"] = "CORPORATION",
        ["ENG"] = "ENGINEERING",
        ["GOVT"] = "GOVERNMENT",
        ["NATL"] = "NATIONAL",
        ["ST."] = "ST",
        ["SAINT"] = "ST",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_titles = FrozenSet.ToFrozenSet(
        ["MR", "MRS", "MS", "MISS", "MSTR", "MASTER", "REV", "REVD", "SIR", "LADY", "DAME", "PROF", "DR"], StringComparer.Ordinal);

    // Words that make a name a business even when it also holds a forename ("GEORGE HOTEL", "ST JAMES HOUSE").
    private static readonly FrozenSet<string> s_businessWords = FrozenSet.ToFrozenSet(
    [
        "LTD", "LIMITED", "PLC", "LLP", "CIC", "CO", "COMPANY", "GROUP", "AND", "SERVICES", "SERVICE", "CARE", "HOME", "HOMES",
        "HOUSE", "LODGE", "COURT", "MANOR", "HALL", "HOTEL", "SCHOOL", "COLLEGE", "ACADEMY", "NURSERY", "SURGERY", "PRACTICE",
        "CENTRE", "TRUST", "COUNCIL", "CLUB", "SOCIETY", "ASSOCIATION", "PARTNERSHIP", "PARTNERS", "SONS", "SON", "BROS",
        "BROTHERS", "SOLICITORS", "ASSOCIATES", "CONSULTING", "CONSULTANCY", "TRAVEL", "TAXIS", "TAXI", "COACHES", "MOTORS",
        "GARAGE", "FARM", "STORES", "SHOP", "PHARMACY", "CHEMIST", "TRADING", "ENTERPRISES", "UK", "INTERNATIONAL",
        "FOUNDATION", "CHARITY", "CHURCH", "PRESCHOOL", "PLAYGROUP", "CHILDCARE", "SUPPORT", "LIVING", "ESTATE", "ESTATES",
        "BUILDING", "BUILDERS", "ELECTRICAL", "PLUMBING", "HEATING", "ROOFING", "CLEANING", "TRANSPORT", "HIRE", "MEDIA",
        "DESIGN", "SYSTEMS", "SOLUTIONS", "TRAINING", "LEARNING", "EDUCATION", "HEALTH", "HEALTHCARE", "PROJECT", "PROJECTS",
        "ST", "VILLAGE", "PARISH", "TOWN", "CITY", "COUNTY", "DISTRICT", "BOROUGH", "OFFICE", "UNIVERSITY", "HOSPITAL",
    ], StringComparer.Ordinal);

    // Common UK forenames: a name of one surname plus a forename (or initials, or a title) is an individual's.
    private static readonly FrozenSet<string> s_forenames = FrozenSet.ToFrozenSet(
    [
        "JOHN", "DAVID", "MICHAEL", "PAUL", "ANDREW", "PETER", "JAMES", "ROBERT", "MARK", "RICHARD", "STEPHEN", "CHRISTOPHER",
        "IAN", "SIMON", "ANTHONY", "WILLIAM", "GARY", "KEVIN", "MARTIN", "NEIL", "THOMAS", "ALAN", "GRAHAM", "STEVEN",
        "JASON", "DANIEL", "MATTHEW", "PHILIP", "NICHOLAS", "JONATHAN", "KEITH", "COLIN", "BRIAN", "TREVOR", "NIGEL", "ROGER",
        "GEOFFREY", "CHARLES", "EDWARD", "BARRY", "TERENCE", "DEREK", "RAYMOND", "KENNETH", "MALCOLM", "STUART", "ADRIAN",
        "CRAIG", "DEAN", "LEE", "CARL", "SCOTT", "WAYNE", "DARREN", "SHAUN", "BENJAMIN", "SAMUEL", "JOSEPH", "GEORGE", "HARRY",
        "JACK", "OLIVER", "JOSHUA", "LUKE", "RYAN", "ADAM", "TOM", "TIM", "TIMOTHY", "JEREMY", "ROY", "GORDON", "DOUGLAS",
        "MARY", "SUSAN", "MARGARET", "PATRICIA", "ELIZABETH", "JANE", "SARAH", "KAREN", "LINDA", "JULIE", "HELEN", "ALISON",
        "NICOLA", "CLAIRE", "LISA", "JULIA", "RACHEL", "EMMA", "LOUISE", "CATHERINE", "ANNE", "ANN", "JANET", "CAROL",
        "CAROLINE", "JACQUELINE", "DEBORAH", "AMANDA", "SHARON", "TRACEY", "TRACY", "JOANNE", "MICHELLE", "KATHERINE",
        "KATE", "LUCY", "SOPHIE", "CHARLOTTE", "HANNAH", "LAURA", "REBECCA", "VICTORIA", "GILLIAN", "PAULINE", "CHRISTINE",
        "BARBARA", "VALERIE", "JEAN", "JOAN", "SHEILA", "MAUREEN", "WENDY", "DIANE", "ANGELA", "SANDRA", "DAWN", "JENNIFER",
        "JUDITH", "ELAINE", "LORRAINE", "FIONA", "ANNA", "JESSICA", "AMY", "CHLOE", "ZOE", "JOANNA", "SALLY", "PENELOPE",
        "ROSEMARY", "MARIE", "TERESA", "HAZEL", "JOY", "LYNN", "LYNNE", "MAXINE", "SAMANTHA", "KIRSTY", "GEMMA", "KELLY",
    ], StringComparer.Ordinal);

    /// <summary>Normalises a published name. Null or blank gives a <see cref="SupplierEntryKind.Missing"/> entry.</summary>
    public static NormalisedSupplierName Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new NormalisedSupplierName(raw ?? string.Empty, string.Empty, string.Empty, string.Empty, SupplierEntryKind.Missing, null);
        }

        var text = raw.Trim().ToUpperInvariant();
        var redacted = IsRedacted(text);

        string? redirect = null;
        var redirectMatch = RedirectPattern().Match(text);
        if (redirectMatch.Success)
        {
            redirect = redirectMatch.Groups[1].Value;
            text = text.Remove(redirectMatch.Index, redirectMatch.Length);
        }

        text = DocumentExchangePattern().Replace(text, " ");

        var trading = string.Empty;
        var tradingMatch = TradingAsPattern().Match(text);
        if (tradingMatch.Success)
        {
            trading = text[(tradingMatch.Index + tradingMatch.Length)..];
            text = text[..tradingMatch.Index];
        }

        var qualifiers = new StringBuilder();
        text = BracketPattern().Replace(text, m =>
        {
            qualifiers.Append(' ').Append(m.Groups[1].Value);
            return " ";
        });
        var slash = SlashQualifierPattern().Match(text);
        if (slash.Success)
        {
            qualifiers.Append(' ').Append(text[(slash.Index + 1)..]);
            text = text[..slash.Index];
        }

        var personal = IsPersonal(RawTokens(text));
        var key = Canonical(text);
        var qualifier = Canonical(qualifiers.ToString());
        if (key.Length == 0)
        {
            // A name made only of brackets: the bracket text is the name.
            key = qualifier;
            qualifier = string.Empty;
        }

        if (qualifier == "UK" || qualifier == "UNITED KINGDOM")
        {
            qualifier = string.Empty;
        }

        var kind = redacted ? SupplierEntryKind.Redacted
            : personal ? SupplierEntryKind.Personal
            : key.Length == 0 ? SupplierEntryKind.Missing
            : SupplierEntryKind.Organisation;
        return new NormalisedSupplierName(raw, key, qualifier, Canonical(trading), kind, redirect);
    }

    /// <summary>The comparable key of a name; idempotent: <c>Key(Key(x)) == Key(x)</c>.</summary>
    public static string Key(string? raw) => Normalise(raw).Key;

    /// <summary>Applies the token rules to already-cleaned text until nothing changes.</summary>
    internal static string Canonical(string text)
    {
        var tokens = RawTokens(text);
        for (var pass = 0; pass < 8; pass++)
        {
            var next = ApplyTokenRules(tokens);
            if (next.SequenceEqual(tokens, StringComparer.Ordinal))
            {
                break;
            }

            tokens = next;
        }

        return string.Join(' ', tokens);
    }

    private static bool IsRedacted(string upper) =>
        upper.Contains("REDACTED", StringComparison.Ordinal)
        || upper.Contains("PERSONAL INFORMATION", StringComparison.Ordinal)
        || upper.Contains("PERSONAL DATA", StringComparison.Ordinal)
        || upper.Contains("DATA PROTECTION", StringComparison.Ordinal)
        || upper.Contains("WITHHELD", StringComparison.Ordinal)
        || upper.Contains("NOT DISCLOSED", StringComparison.Ordinal)
        || upper is "PRIVATE INDIVIDUAL" or "INDIVIDUAL" or "PERSONAL" or "N/A" or "UNKNOWN";

    private static List<string> RawTokens(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019' or '`' or '.')
            {
                continue; // accents, apostrophes and full stops join their letters: "WOMEN'S" = "WOMENS", "DIRECT.COM" = "DIRECTCOM"
            }

            if (c is '&' or '+')
            {
                sb.Append(" AND ");
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
            else if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
            else
            {
                sb.Append(' ');
            }
        }

        return [.. sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static List<string> ApplyTokenRules(List<string> tokens)
    {
        var result = new List<string>(tokens.Count);

        // Runs of single letters are initialisms: "E D F" and "EDF" are one name.
        var run = new StringBuilder();
        foreach (var token in tokens)
        {
            if (token.Length == 1 && char.IsAsciiLetter(token[0]))
            {
                run.Append(token);
                continue;
            }

            FlushRun(run, result);
            result.Add(s_abbreviations.TryGetValue(token, out var full) ? full : token);
        }

        FlushRun(run, result);

        var kept = result.Where(t => !s_legalAnywhere.Contains(t)).ToList();
        while (kept.Count > 1 && s_legalTrailing.Contains(kept[^1]))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        while (kept.Count > 1 && kept[0] == "THE")
        {
            kept.RemoveAt(0);
        }

        // "DEPARTMENT FOR COMMUNITIES AND LOCAL GOVERNMENT" is also published as "COMMUNITIES AND LOCAL GOVERNMENT";
        // a one-word remainder ("DEPARTMENT FOR EDUCATION") is too generic to stand alone, so it keeps its prefix.
        if (kept.Count > 3 && kept[0] == "DEPARTMENT" && kept[1] is "FOR" or "OF")
        {
            kept.RemoveRange(0, 2);
        }

        // A name made only of suffixes ("THE COMPANY LTD") keeps its words rather than vanishing.
        return kept.Count > 0 ? kept : result;
    }

    private static void FlushRun(StringBuilder run, List<string> into)
    {
        if (run.Length > 0)
        {
            into.Add(run.ToString());
            run.Clear();
        }
    }

    private static bool IsPersonal(List<string> tokens)
    {
        if (tokens.Count is < 2 or > 4 || tokens.Any(t => t.Any(char.IsAsciiDigit)))
        {
            return false;
        }

        if (tokens.Any(s_businessWords.Contains))
        {
            return false;
        }

        if (s_titles.Contains(tokens[0]))
        {
            return true;
        }

        static bool IsInitial(string t) => t.Length == 1 && char.IsAsciiLetter(t[0]);
        var forenames = tokens.Count(s_forenames.Contains);
        var initials = tokens.Count(IsInitial);
        var others = tokens.Count - forenames - initials;
        if (others != 1)
        {
            return false;
        }

        // A surname with a forename: "PRITCHARD JANE", "JULIA HARRIS", "WOOD JAMES L".
        if (forenames >= 1)
        {
            return true;
        }

        // A surname followed by one or two initials, the way ledgers list individuals: "BERRY D R", "WHITE R". Initials
        // in front ("K S FENCING", "T T WINDOWS") are how small firms are named, so they do not count.
        return initials is 1 or 2 && !IsInitial(tokens[0]) && tokens.Skip(1).All(IsInitial);
    }

    [GeneratedRegex(@"\*+\s*USE\s+([0-9]+)\s*\**", RegexOptions.CultureInvariant)]
    private static partial Regex RedirectPattern();

    [GeneratedRegex(@"#\s*DX\s*[0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentExchangePattern();

    [GeneratedRegex(@"(?:\s|^)(?:T\s*/\s*A|T\\A|TRADING\s+AS)(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex TradingAsPattern();

    [GeneratedRegex(@"\(([^)]*)(?:\)|$)", RegexOptions.CultureInvariant)]
    private static partial Regex BracketPattern();

    [GeneratedRegex(@"(?<=[A-Z]{2})/(?=\s*[A-Z]{2})", RegexOptions.CultureInvariant)]
    private static partial Regex SlashQualifierPattern();
}
