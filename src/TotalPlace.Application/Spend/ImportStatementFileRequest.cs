namespace TotalPlace.Application.Spend;

/// <summary>Import one file of aggregate spend statements (outturn returns, budget books) into a place.</summary>
/// <param name="PlaceCode">The place's GSS code.</param>
/// <param name="File">The file.</param>
/// <param name="AllowPartial">Load the valid rows of a file with problems, keeping the rejects with the batch.</param>
/// <param name="Agency">The partner named on the batch, when one published the whole file; each line names its own.</param>
/// <param name="ImportedBy">Who imports it (see <see cref="ImportSpendFileRequest.ImportedBy"/>).</param>
public sealed record ImportStatementFileRequest(
    string PlaceCode,
    SpendFileSource File,
    bool AllowPartial,
    string? Agency = null,
    string? ImportedBy = null);
