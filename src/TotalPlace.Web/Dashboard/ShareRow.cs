namespace TotalPlace.Web.Dashboard;

/// <summary>One slice of a total: its amount, share of the total, per-head figure and number of lines.</summary>
public sealed record ShareRow(string Key, string Label, decimal Amount, decimal Share, decimal? PerHead, long Lines);
