using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Appraisal;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Proposals;

/// <summary>Shows a stored proposal's business case by agency: who pays and who benefits, appraised now.</summary>
public sealed class ProposalShowCommand(IAnsiConsole console) : AsyncCommand<ProposalShowSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ProposalShowSettings settings, CancellationToken cancellationToken)
    {
        var place = PlaceOption.Normalise(settings.Place!);
        await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: true, cancellationToken);
        var listing = await new ListProposals(store).FindAsync(place, settings.Id, cancellationToken)
            ?? throw new CliException($"there is no proposal '{settings.Id}' for place {place} in {settings.StoreOrDefault}", ExitCodes.Rejected);
        var result = listing.Appraisal.Result
            ?? throw new CliException($"proposal '{listing.Stored.Id}' no longer appraises: {string.Join("; ", listing.Appraisal.Errors)}", ExitCodes.Rejected);
        Column[] columns =
        [
            new("Agency", "agency"),
            new("PV costs", "pvCosts", ColumnKind.Money),
            new("PV fiscal benefits", "pvFiscalBenefits", ColumnKind.Money),
            new("Net", "netFiscal", ColumnKind.Money),
        ];
        var rows = result.ByAgency.Select(a => new object?[] { a.Agency, a.PvCosts, a.PvFiscalBenefits, a.NetFiscal }).ToList();
        rows.Add(["All agencies", result.PvCosts, result.PvFiscal, result.NpvFiscal]);
        var payback = result.PaybackFiscalYear is { } y ? $"payback in {y}" : "no fiscal payback within the appraisal";
        var offer = listing.Stored.OfferId is { } o ? $", attached to offer {o}" : "";
        ResultWriter.Write(
            console,
            settings.Format,
            TabularResult.Create($"{listing.Stored.Name} ({listing.Stored.PlaceCode}/{listing.Stored.Id}), {result.PriceBase} prices", columns, rows, $"{payback}{offer}"));
        return ExitCodes.Success;
    }
}
