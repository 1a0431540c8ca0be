namespace TotalPlace.Storage.Identity;

/// <summary>Which imported data a reader may see; see <see cref="Visibility"/>.</summary>
public enum VisibilityKind
{
    /// <summary>Every batch, published or not (administrators, the board, and Local mode).</summary>
    All,

    /// <summary>Published batches only (the public).</summary>
    PublishedOnly,

    /// <summary>Published batches, and every line of one agency in one place (an agency analyst).</summary>
    PublishedOrAgency,
}
