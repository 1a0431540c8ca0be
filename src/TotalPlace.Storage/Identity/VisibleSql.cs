namespace TotalPlace.Storage.Identity;

/// <summary>The visibility rule as SQL composition: the line tables a reader may count, defined once as common table
/// expressions that every reading query selects from instead of the tables themselves.</summary>
/// <remarks>A query starts <c>WITH </c> + <see cref="Define"/> and reads <see cref="Transactions"/> and
/// <see cref="Statements"/>; no reading query that takes a <see cref="Visibility"/> names <c>spend_transaction</c> or
/// <c>spend_statement</c>. The text is portable, and each CTE is marked NOT MATERIALIZED so that both engines inline
/// it into the query that reads it (PostgreSQL would otherwise materialise one read twice, and DuckDB may choose to):
/// the plans are the ones the queries had when they read the tables directly. The reader's agency is a bound
/// parameter, never text in the query.</remarks>
internal static class VisibleSql
{
    /// <summary>The transaction lines the reader may see, with every column of <c>spend_transaction</c>.</summary>
    public const string Transactions = "visible_transaction";

    /// <summary>The statement lines the reader may see, with every column of <c>spend_statement</c>.</summary>
    public const string Statements = "visible_statement";

    /// <summary>The definitions of <see cref="Transactions"/> and <see cref="Statements"/> for one place, to follow
    /// <c>WITH</c> (and precede the query's own CTEs after a comma).</summary>
    /// <param name="visibility">Who reads; null reads everything.</param>
    /// <param name="placeCode">The place read, to tell an analyst's own place from another.</param>
    /// <param name="placeId">An SQL expression for the place's id over parameters already in
    /// <paramref name="parameters"/>, e.g. <c>$1</c>.</param>
    /// <param name="parameters">The query's positional parameters; the reader's agency is added when needed.</param>
    public static string Define(Visibility? visibility, string placeCode, string placeId, List<object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var rule = Rule(visibility, placeCode, parameters);
        return
            $"{Transactions} AS NOT MATERIALIZED (SELECT l.* FROM spend_transaction l WHERE l.place_id = {placeId}{rule}), " +
            $"{Statements} AS NOT MATERIALIZED (SELECT l.* FROM spend_statement l WHERE l.place_id = {placeId}{rule})";
    }

    /// <summary>The condition on a line <c>l</c>, starting " AND", or empty when the reader sees everything.</summary>
    private static string Rule(Visibility? visibility, string placeCode, List<object?> parameters)
    {
        if (visibility is null || visibility.Kind == VisibilityKind.All)
        {
            return "";
        }

        const string Published = "EXISTS (SELECT 1 FROM batch_publication vb WHERE vb.place_id = l.place_id AND vb.batch_id = l.batch_id)";
        if (visibility.AgencyIn(placeCode) is not { } agency)
        {
            return " AND " + Published;
        }

        parameters.Add(agency.ToLowerInvariant());
        return " AND (" + Published +
            " OR EXISTS (SELECT 1 FROM agency va WHERE va.place_id = l.place_id AND va.agency_id = l.agency_id AND lower(va.name) = $" + parameters.Count + "))";
    }
}
