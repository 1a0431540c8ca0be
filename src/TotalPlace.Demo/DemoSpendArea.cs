namespace TotalPlace.Demo;

/// <summary>An expense area a partner publishes spend under, with its expense types and the trade it buys from.</summary>
internal sealed record DemoSpendArea(string ExpenseArea, string ServiceCode, double Weight, string[] ExpenseTypes, SupplierTrade Trade);
