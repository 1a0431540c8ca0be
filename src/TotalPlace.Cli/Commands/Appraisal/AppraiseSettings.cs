using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Cli.Commands.Appraisal;

/// <summary>Options of <c>totalplace appraise</c>.</summary>
public sealed class AppraiseSettings : CommandSettings
{
    [CommandArgument(0, "[FILE]")]
    [Description("Proposal JSON file (see docs/proposal.schema.json).")]
    public string? File { get; set; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("Output format: table or json.")]
    [DefaultValue("table")]
    public string Format { get; set; } = "table";

    [CommandOption("--monte-carlo <N>")]
    [Description("Run N Monte Carlo iterations over the proposal's uncertainty entries.")]
    public int? MonteCarlo { get; set; }

    [CommandOption("--seed <S>")]
    [Description("Seed for Monte Carlo (same seed, same result).")]
    [DefaultValue(1UL)]
    public ulong Seed { get; set; } = 1;

    [CommandOption("--xlsx <OUT>")]
    [Description("Also write the appraisal as an Excel workbook.")]
    public string? Xlsx { get; set; }

    [CommandOption("--pdf <OUT>")]
    [Description("Also write the appraisal summary, with its charts, as a PDF (printed by Chromium).")]
    public string? Pdf { get; set; }

    [CommandOption("--template <NAME>")]
    [Description("Print a built-in proposal template (neet-construction, workless-claimants) and exit.")]
    public string? Template { get; set; }

    [CommandOption("--trace")]
    [Description("Table format: also show how every figure was produced.")]
    public bool Trace { get; set; }

    public override ValidationResult Validate()
    {
        if (Template is not null)
        {
            return ProposalTemplates.Names.Contains(Template, StringComparer.OrdinalIgnoreCase)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--template must be one of {string.Join(", ", ProposalTemplates.Names)}");
        }

        if (string.IsNullOrWhiteSpace(File))
        {
            return ValidationResult.Error("give a proposal FILE, or --template NAME");
        }

        if (Format is not ("table" or "json"))
        {
            return ValidationResult.Error("--format must be table or json");
        }

        return MonteCarlo is < 1 or > TotalPlace.Application.Appraisal.RunMonteCarlo.MaxIterations
            ? ValidationResult.Error("--monte-carlo must be between 1 and 50,000,000")
            : ValidationResult.Success();
    }
}
