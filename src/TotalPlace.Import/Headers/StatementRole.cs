namespace TotalPlace.Import.Headers;

/// <summary>The columns of a spend statement file.</summary>
internal enum StatementRole
{
    Agency,
    Theme,
    FundingStream,
    Year,
    Amount,
    Kind,
}
