using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Partnership;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Lists everything that stops an offer being submitted, one problem a line; exits 0 only when there is none.</summary>
public sealed class ValidateCommand(IAnsiConsole console) : AsyncCommand<OfferFileSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, OfferFileSettings settings, CancellationToken cancellationToken)
    {
        var checkedOffer = ValidateOffer.Evaluate(await OfferLoader.ReadTextAsync(settings.File, cancellationToken));
        var issues = checkedOffer.Issues;

        var output = console.Profile.Out.Writer;
        if (issues.Count == 0)
        {
            var offer = checkedOffer.Offer!;
            output.WriteLine($"{settings.File}: the offer may be submitted ({offer.Partners.Count} partners, {offer.Outcomes.Count} outcomes, {offer.Appraisals.Count} appraisal(s)).");
            return ExitCodes.Success;
        }

        foreach (var issue in issues)
        {
            output.WriteLine($"{settings.File}: {issue}");
        }

        output.WriteLine($"{issues.Count} problem{(issues.Count == 1 ? "" : "s")}: the offer cannot be submitted yet.");
        return ExitCodes.Rejected;
    }
}
