using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Partnership;

namespace TotalPlace.Cli.Commands.Partnership;

/// <summary>Who gets the savings back each year under the pool's share rule, and what moves between partners.</summary>
public sealed class SavingsCommand(IAnsiConsole console) : AsyncCommand<OfferTableSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, OfferTableSettings settings, CancellationToken cancellationToken)
    {
        var offer = await OfferLoader.LoadAsync(settings.File, cancellationToken);
        SavingsDistribution distribution;
        try
        {
            distribution = SavingsDistributor.Distribute(offer);
        }
        catch (PartnershipDomainException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Rejected);
        }

        ResultWriter.Write(console, settings.Format, ToTable(distribution));
        return ExitCodes.Success;
    }

    internal static TabularResult ToTable(SavingsDistribution distribution)
    {
        Column[] columns =
        [
            new("Year", "year"),
            new("Partner", "partner"),
            new("Saving falls to partner", "accrues", ColumnKind.Money),
            new("Partner's share", "receives", ColumnKind.Money),
            new("Transfer", "transfer", ColumnKind.Money),
        ];
        var rows = distribution.Lines.Select(l => new object?[]
        {
            l.Year.ToString(), l.Partner, l.Accrues.Pounds, l.Receives.Pounds, l.Transfer.Pounds,
        });
        var outside = distribution.OutsidePartnership.Count == 0
            ? ""
            : $"; not shared (outside the partnership): {Formats.Money(distribution.OutsidePartnership.Sum(f => f.Benefit.Pounds))}";
        var footer = $"Savings shared {distribution.Rule.Describe()}: {Formats.Money(distribution.Total.Pounds)} over {distribution.Years.Count} year(s){outside}";
        return TabularResult.Create("Savings share by year and partner", columns, rows, footer);
    }
}
