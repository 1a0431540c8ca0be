using Spectre.Console;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary><c>offer report</c>: the offer document.</summary>
public sealed class ReportCommand(IAnsiConsole console) : RenderCommand(console)
{
    protected override DocumentKind? FixedDocument => DocumentKind.Offer;
}
