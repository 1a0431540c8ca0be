namespace TotalPlace.Storage.Identity;

/// <summary>Which imported data a query may count: the store's side of roles. A line is visible when its batch is
/// published, or when the reader sees everything, or when the line belongs to the reader's own agency in the
/// reader's own place.</summary>
/// <remarks>Applied once, as SQL composition (<see cref="VisibleSql"/>: the visible_transaction and visible_statement
/// common table expressions every reading query selects from), so both engines agree. A
/// statement line is judged by its own agency (a statements batch may name several agencies); a batch in a list is
/// judged by the agency in its header.</remarks>
public sealed record Visibility
{
    private Visibility(VisibilityKind kind, string? placeCode, string? agency)
    {
        Kind = kind;
        PlaceCode = placeCode;
        Agency = agency;
    }

    /// <summary>Everything, published or not.</summary>
    public static Visibility All { get; } = new(VisibilityKind.All, null, null);

    /// <summary>Published batches only.</summary>
    public static Visibility PublishedOnly { get; } = new(VisibilityKind.PublishedOnly, null, null);

    public VisibilityKind Kind { get; }

    /// <summary>The analyst's place (GSS code) for <see cref="VisibilityKind.PublishedOrAgency"/>.</summary>
    public string? PlaceCode { get; }

    /// <summary>The analyst's agency (by name) for <see cref="VisibilityKind.PublishedOrAgency"/>.</summary>
    public string? Agency { get; }

    /// <summary>Published batches and everything of <paramref name="agency"/> in <paramref name="placeCode"/>.</summary>
    public static Visibility PublishedOrAgency(string placeCode, string agency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(agency);
        return new(VisibilityKind.PublishedOrAgency, placeCode.Trim().ToUpperInvariant(), agency.Trim());
    }

    /// <summary>Whether this reader sees everything of <paramref name="agency"/> in <paramref name="placeCode"/>,
    /// published or not.</summary>
    public bool SeesAgency(string placeCode, string? agency) => Kind switch
    {
        VisibilityKind.All => true,
        VisibilityKind.PublishedOrAgency => OwnAgency(placeCode, agency),
        _ => false,
    };

    /// <summary>Whether a batch in a list is visible (published, or the reader's own agency's).</summary>
    public bool CanSee(ImportBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.PublishedAt is not null || SeesAgency(batch.PlaceCode, batch.Agency);
    }

    /// <summary>The agency whose unpublished lines are visible in <paramref name="placeCode"/>, or null when only
    /// published lines are (for <see cref="VisibilityKind.All"/> the caller adds no filter at all).</summary>
    internal string? AgencyIn(string placeCode) =>
        Kind == VisibilityKind.PublishedOrAgency && string.Equals(PlaceCode, placeCode.Trim(), StringComparison.OrdinalIgnoreCase) ? Agency : null;

    private bool OwnAgency(string placeCode, string? agency) =>
        string.Equals(PlaceCode, placeCode?.Trim(), StringComparison.OrdinalIgnoreCase)
        && string.Equals(Agency, agency?.Trim(), StringComparison.OrdinalIgnoreCase);
}
