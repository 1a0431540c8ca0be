using System.Text.RegularExpressions;

namespace TotalPlace.Core.Waste;

/// <summary>A published supplier id, read as either a registered number that means the same everywhere or a partner's own vendor number.</summary>
/// <param name="Value">The id, upper case without spaces; registered numbers carry a prefix ("CH:01234567", "CC:1012345").</param>
/// <param name="IsRegistered">True for Companies House and Charity Commission numbers, which identify a body across partners;
/// false for a partner's vendor number, which only identifies a supplier within that partner's ledger.</param>
public sealed partial record SupplierIdentifier(string Value, bool IsRegistered)
{
    /// <summary>
    /// Reads a published id. An eight-character Companies House number (eight digits, or two letters such as SC, NI,
    /// OC then six digits) is a registered company number; "CHARITY 1012345", "CC 1012345" or "RCN 1012345" is a charity
    /// number; anything else is the partner's vendor number. Bare six- or seven-digit numbers are read as vendor numbers
    /// because councils' vendor numbers look exactly like charity numbers.
    /// </summary>
    public static SupplierIdentifier? Parse(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var compact = string.Concat(id.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (CompanyPattern().IsMatch(compact))
        {
            return new SupplierIdentifier("CH:" + compact, true);
        }

        var charity = CharityPattern().Match(compact);
        if (charity.Success)
        {
            return new SupplierIdentifier("CC:" + charity.Groups[1].Value, true);
        }

        return new SupplierIdentifier(compact, false);
    }

    [GeneratedRegex(@"^(?:[0-9]{8}|(?:SC|NI|OC|SO|NC|FC|GE|IP|SP|RC|SL|LP|NL|ZC|CE|CS|SE|SR|NP|NO|NR|NZ|IC|SI|SA|RS|IS|NV|PC|R0)[0-9]{6})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompanyPattern();

    [GeneratedRegex(@"^(?:CHARITY(?:NO|NUMBER)?|CC|RCN)[:#]?([0-9]{6,7}(?:-[0-9]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex CharityPattern();
}
