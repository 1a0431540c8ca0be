namespace TotalPlace.Core.Assets;

/// <summary>What the spend map already counts of one asset's running cost: the partner's premises lines that name it.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Year">The financial year compared with the register's annual running cost (the latest year with linked lines).</param>
/// <param name="Lines">Lines linked in that year.</param>
/// <param name="Amount">Their total (net of credits).</param>
/// <param name="Rules">The rules that linked them, with the matched text, e.g. "UPRN 100012345678", "name 'WYTHENSHAWE FORUM'".</param>
public sealed record AssetSpend(Asset Asset, FiscalYear Year, int Lines, decimal Amount, IReadOnlyList<string> Rules);
