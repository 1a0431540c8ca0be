using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Appraisal;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Proposals;

/// <summary>Lists the proposals in a store with their figures, each appraised now by the engine from its stored file.</summary>
public sealed class ProposalListCommand(IAnsiConsole console) : AsyncCommand<ProposalListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ProposalListSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: true, cancellationToken);
        var place = settings.Place is null ? null : PlaceOption.Normalise(settings.Place);
        var listings = await new ListProposals(store).ExecuteAsync(place, cancellationToken);
        Column[] columns =
        [
            new("Place", "place"),
            new("Proposal", "id"),
            new("Name", "name"),
            new("PV costs", "pvCosts", ColumnKind.Money),
            new("Fiscal NPV", "npvFiscal", ColumnKind.Money),
            new("Public value NPV", "npvPublicValue", ColumnKind.Money),
            new("Payback", "payback"),
            new("Offer", "offer"),
            new("Saved by", "savedBy"),
            new("Saved", "savedAt", ColumnKind.Date),
            new("Problem", "problem"),
        ];
        var rows = listings.Select(l =>
        {
            var r = l.Appraisal.Result;
            return new object?[]
            {
                l.Stored.PlaceCode,
                l.Stored.Id,
                l.Stored.Name,
                r?.PvCosts,
                r?.NpvFiscal,
                r?.NpvPublicValue,
                r?.PaybackFiscalYear?.ToString(),
                l.Stored.OfferId,
                l.Stored.SavedBy,
                DateOnly.FromDateTime(l.Stored.SavedAt.UtcDateTime),
                r is null ? string.Join("; ", l.Appraisal.Errors) : null,
            };
        });
        ResultWriter.Write(console, settings.Format, TabularResult.Create("Proposals", columns, rows, $"{listings.Count} proposal(s)"));
        return ExitCodes.Success;
    }
}
