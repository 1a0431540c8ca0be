namespace TotalPlace.Cli.Commands.Waste;

/// <summary>The --kind choices of the waste verb.</summary>
public enum WasteKind
{
    All,
    Suppliers,
    Duplicates,
    Overlap,
    Assets,
}
