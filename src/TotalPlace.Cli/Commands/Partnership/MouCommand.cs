using Spectre.Console;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary><c>offer mou</c>: the memorandum of understanding, ready to sign.</summary>
public sealed class MouCommand(IAnsiConsole console) : RenderCommand(console)
{
    protected override DocumentKind? FixedDocument => DocumentKind.Mou;
}
