using TotalPlace.Core;

namespace TotalPlace.Storage;

/// <summary>The finest grain an engine returns for the place map: one agency, theme, year and source.</summary>
internal readonly record struct MapCell(string Agency, string Funding, string Theme, FiscalYear Year, string Source, decimal Amount, long Lines);
