namespace TotalPlace.Import.Headers;

internal static class StatementRoles
{
    public static readonly HeaderMatcher<StatementRole> Matcher = new(
    [
        new(StatementRole.Agency,
            ["agency", "agency name", "organisation", "organisation name", "organization", "body", "partner", "spending body"],
            [["agency"]], []),
        new(StatementRole.Theme,
            ["theme", "theme or service", "service", "service area", "theme code", "programme", "function"],
            [["theme"], ["service"]], ["code"]),
        new(StatementRole.FundingStream,
            ["funding stream", "funding", "funding source", "source of funding", "stream", "grant", "funder"],
            [["funding"]], []),
        new(StatementRole.Year,
            ["fiscal year", "financial year", "year", "fy", "period"],
            [["year"]], []),
        new(StatementRole.Amount,
            ["amount", "value", "spend", "outturn", "total", "amount gbp", "gbp"],
            [["amount"]], []),
        new(StatementRole.Kind,
            ["kind", "type", "statement kind", "measure", "basis"],
            [["kind"]], []),
    ]);

    public static readonly StatementRole[] Required = [StatementRole.Agency, StatementRole.Theme, StatementRole.Year, StatementRole.Amount];
}
