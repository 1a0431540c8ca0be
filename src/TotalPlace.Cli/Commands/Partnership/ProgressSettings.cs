using System.ComponentModel;
using Spectre.Console.Cli;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Settings for outcome progress.</summary>
public sealed class ProgressSettings : OfferTableSettings
{
    [CommandOption("--final")]
    [Description("Report at the end of the term instead of the interim report date.")]
    public bool Final { get; set; }
}
