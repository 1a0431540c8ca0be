using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Portfolio;

namespace TotalPlace.Cli.Commands.Appraisal;

/// <summary>Chooses the proposals a fund should back: the most NPV within its yearly budget and partner limits.</summary>
public sealed class FundCommand(IAnsiConsole console) : AsyncCommand<FundSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, FundSettings settings, CancellationToken cancellationToken)
    {
        var limits = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var limit in settings.Limits)
        {
            var parts = limit.Split('=', 2);
            if (parts.Length != 2 || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount < 0m)
            {
                throw new CliException($"--limit '{limit}' must be AGENCY=POUNDS, e.g. \"Local authority=250000\"", ExitCodes.Usage);
            }

            limits[parts[0].Trim()] = amount;
        }

        var yearBudgets = new Dictionary<FiscalYear, decimal>();
        foreach (var budget in settings.YearBudgets)
        {
            var parts = budget.Split('=', 2);
            if (parts.Length != 2 || !FiscalYear.TryParse(parts[0], out var year) ||
                !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount < 0m)
            {
                throw new CliException($"--budget-in '{budget}' must be YEAR=POUNDS, e.g. 2016-17=250000", ExitCodes.Usage);
            }

            yearBudgets[year] = amount;
        }

        var appraiser = Appraiser.Default;
        var results = new List<AppraisalResult>();
        foreach (var file in settings.Proposals)
        {
            results.Add((await ProposalFile.AppraiseAsync(file, appraiser, cancellationToken)).Result!);
        }

        var bases = results.Select(r => r.PriceBase).Distinct().ToList();
        if (bases.Count > 1)
        {
            throw new CliException($"the proposals use different price bases ({string.Join(", ", bases.Select(b => b.Year))}); restate them in one price base", ExitCodes.Usage);
        }

        var publicValue = settings.Objective == "public-value";
        var candidates = results.Select(r => PortfolioCandidate.FromAppraisal(r, publicValue)).ToList();
        var choice = PortfolioOptimizer.Choose(candidates, new PortfolioConstraints(settings.Budget, yearBudgets, limits));

        if (settings.Format == "json")
        {
            ResultWriter.WriteJson(console, new JsonObject
            {
                ["objective"] = settings.Objective,
                ["total_npv"] = Math.Round(choice.TotalObjective, 2, MidpointRounding.ToEven),
                ["selected"] = new JsonArray(choice.Selected.Select(c => (JsonNode)JsonValue.Create(c.Name)!).ToArray()),
                ["left_out"] = new JsonArray(choice.LeftOut.Select(l => (JsonNode)new JsonObject { ["name"] = l.Candidate.Name, ["reason"] = l.Reason }).ToArray()),
                ["spend_by_year"] = new JsonObject(choice.SpendByYear.Select(kv => KeyValuePair.Create(kv.Key.ToString(), (JsonNode?)Math.Round(kv.Value, 2)))),
            });
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]Fund portfolio[/] [grey](maximising {(publicValue ? "public value" : "fiscal")} NPV)[/]")
            .AddColumn("Proposal").AddColumn(new TableColumn("NPV").RightAligned()).AddColumn("Decision");
        foreach (var c in choice.Selected)
        {
            table.AddRow(Markup.Escape(c.Name), Money.FromPounds(c.Objective).ToString(), "[green]fund[/]");
        }

        foreach (var (c, reason) in choice.LeftOut)
        {
            table.AddRow(Markup.Escape(c.Name), Money.FromPounds(c.Objective).ToString(), $"[grey]left out: {Markup.Escape(reason)}[/]");
        }

        console.Write(table);
        console.MarkupLine($"Total NPV of the chosen set: [bold]{Money.FromPounds(choice.TotalObjective)}[/]");
        foreach (var (year, spend) in choice.SpendByYear.Where(kv => kv.Value != 0m))
        {
            var cap = yearBudgets.TryGetValue(year, out var y) ? y : settings.Budget;
            console.MarkupLine($"[grey]{year}: spends {Money.FromPounds(spend)}{(cap is { } b ? $" of {Money.FromPounds(b)}" : "")}[/]");
        }

        return ExitCodes.Success;
    }
}
