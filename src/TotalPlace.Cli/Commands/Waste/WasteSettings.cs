using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Commands.Spend;

namespace TotalPlace.Cli.Commands.Waste;

public sealed class WasteSettings : PlaceSettings
{
    [CommandOption("-k|--kind <KIND>")]
    [Description("Which findings: suppliers (shared suppliers), duplicates (duplicate payments), overlap (services bought twice), assets (co-location), or all.")]
    [DefaultValue(WasteKind.All)]
    public WasteKind Kind { get; set; } = WasteKind.All;

    /// <summary>How many findings a table shows when --top is not given.</summary>
    public const int DefaultTableTop = 50;

    [CommandOption("--top <N>")]
    [Description("Show at most this many findings (a table shows 50 unless told; CSV and JSON list every finding unless told).")]
    public int? Top { get; set; }

    [CommandOption("--all")]
    [Description("Also show findings a reviewer marked as false positives (listed last).")]
    public bool IncludeRejected { get; set; }

    public override ValidationResult Validate() =>
        Top is < 1 ? ValidationResult.Error("--top must be at least 1.") : base.Validate();
}
