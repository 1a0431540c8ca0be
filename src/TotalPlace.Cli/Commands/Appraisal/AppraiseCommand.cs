using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Application.Appraisal;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;
using TotalPlace.Reports.Appraisal;

namespace TotalPlace.Cli.Commands.Appraisal;

/// <summary>Appraises a proposal file: the business case a partnership board sees, or JSON for other programs.</summary>
public sealed class AppraiseCommand(IAnsiConsole console) : AsyncCommand<AppraiseSettings>
{
    private static readonly CultureInfo s_enGb = CultureInfo.GetCultureInfo("en-GB");

    public override async Task<int> ExecuteAsync(CommandContext context, AppraiseSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Template is { } template)
        {
            var output = console.Profile.Out.Writer;
            await output.WriteAsync(ProposalTemplates.Get(template).AsMemory(), cancellationToken);
            await output.FlushAsync(cancellationToken);
            return ExitCodes.Success;
        }

        var appraiser = Appraiser.Default;
        var appraisal = await ProposalFile.AppraiseAsync(settings.File!, appraiser, cancellationToken);
        var result = appraisal.Result!;
        MonteCarloResult? mc = null;
        if (settings.MonteCarlo is { } n)
        {
            try
            {
                mc = new RunMonteCarlo(TimeProvider.System, appraiser).Execute(new RunMonteCarloRequest(appraisal.Proposal!, n, settings.Seed), progress: null, cancellationToken).Result;
            }
            catch (MonteCarloRefusedException ex)
            {
                throw new CliException($"{settings.File}: --monte-carlo: {ex.Message}", ExitCodes.Usage);
            }
        }

        var tornado = appraisal.Tornado!;
        var switching = appraisal.Switching!;

        var madeFrom = $"proposal file {Path.GetFileName(settings.File)} (SHA-256 {await ShortHashAsync(settings.File!, cancellationToken)})";
        if (settings.Xlsx is { } xlsx)
        {
            await using var stream = File.Create(xlsx);
            AppraisalWorkbook.Write(stream, result, mc, appraiser, madeFrom);
        }

        if (settings.Pdf is { } pdf)
        {
            var document = AppraisalDocument.Create(result, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime), tornado, mc) with { MadeFrom = madeFrom };
            await DocumentOutput.WriteAsync(console, document, DocumentFileFormat.Pdf, pdf, pdf, cancellationToken, announce: settings.Format != "json");
        }

        if (settings.Format == "json")
        {
            var json = AppraisalJson.Create(result, mc);
            json["tornado"] = AppraisalJson.Tornado(tornado);
            json["switching_values"] = AppraisalJson.Switching(switching);
            ResultWriter.WriteJson(console, json);
        }
        else
        {
            WriteTables(result, mc, tornado, switching, settings.Trace);
            if (settings.Xlsx is not null)
            {
                console.MarkupLine($"[grey]Workbook written to {Markup.Escape(settings.Xlsx)}[/]");
            }
        }

        return ExitCodes.Success;
    }

    private void WriteTables(AppraisalResult r, MonteCarloResult? mc, IReadOnlyList<TornadoBar> tornado,
        IReadOnlyList<SwitchingValue> switching, bool trace)
    {
        // A markup heading rather than a Rule: Rule sizes itself to the console width, which test consoles leave unbounded.
        console.MarkupLine($"[bold underline]{Markup.Escape(r.Proposal.Name)}[/]");
        console.MarkupLine($"[grey]{r.Proposal.HorizonYears} years from {r.Proposal.StartYear}; {Markup.Escape(r.PriceBase.ToString())}; {Markup.Escape(r.Schedule.Name)}[/]");

        var summary = new Table().Border(TableBorder.Rounded).Title("[bold]Business case summary[/]")
            .AddColumn("Measure").AddColumn(new TableColumn("Present value").RightAligned());
        summary.AddRow("Costs", Money(r.PvCosts));
        summary.AddRow("Fiscal benefits", Money(r.PvFiscal));
        summary.AddRow("  of which cashable", Money(r.PvFiscalCashable));
        summary.AddRow("  of which transfers", Money(r.PvFiscalTransfers));
        summary.AddRow("Economic benefits", Money(r.PvEconomic));
        summary.AddRow("Social benefits", Money(r.PvSocial));
        summary.AddRow("Public value (excl. transfers)", Money(r.PvPublicValue));
        summary.AddEmptyRow();
        summary.AddRow("[bold]Fiscal NPV[/]", $"[bold]{Money(r.NpvFiscal)}[/]");
        summary.AddRow("[bold]Public value NPV[/]", $"[bold]{Money(r.NpvPublicValue)}[/]");
        summary.AddRow("Fiscal ROI (£ per £1)", Ratio(r.RoiFiscal));
        summary.AddRow("Public value ROI (£ per £1)", Ratio(r.RoiPublicValue));
        summary.AddRow("Payback", r.PaybackYearIndex is { } py ? $"year {py} ({r.PaybackFiscalYear})" : "none");
        summary.AddRow("Fiscal IRR", r.IrrFiscal is { } irr ? irr.ToString("P1", s_enGb) : "n/a");
        console.Write(summary);

        var agencies = new Table().Border(TableBorder.Rounded).Title("[bold]Who pays, who benefits[/]")
            .AddColumn("Agency").AddColumn(new TableColumn("Pays (PV)").RightAligned())
            .AddColumn(new TableColumn("Benefits (PV)").RightAligned()).AddColumn(new TableColumn("Cashable").RightAligned())
            .AddColumn(new TableColumn("Net").RightAligned());
        foreach (var a in r.ByAgency)
        {
            agencies.AddRow(Markup.Escape(a.Agency), Money(a.PvCosts), Money(a.PvFiscalBenefits), Money(a.PvFiscalCashable), Money(a.NetFiscal));
        }

        console.Write(agencies);

        var years = new Table().Border(TableBorder.Rounded).Title("[bold]Costs and benefits by year (undiscounted)[/]")
            .AddColumn("t").AddColumn("Year").AddColumn(new TableColumn("Costs").RightAligned())
            .AddColumn(new TableColumn("Fiscal").RightAligned()).AddColumn(new TableColumn("Economic").RightAligned())
            .AddColumn(new TableColumn("Social").RightAligned()).AddColumn(new TableColumn("DF").RightAligned())
            .AddColumn(new TableColumn("Cum. disc. fiscal net").RightAligned());
        foreach (var y in r.Years)
        {
            years.AddRow(y.T.ToString(CultureInfo.InvariantCulture), y.FiscalYear.ToString(), Money(y.Costs), Money(y.Fiscal),
                Money(y.Economic), Money(y.Social), y.DiscountFactor.ToString("0.0000", CultureInfo.InvariantCulture),
                Money(y.CumulativeDiscountedFiscalNet));
        }

        console.Write(years);

        if (mc is not null)
        {
            var bands = new Table().Border(TableBorder.Rounded)
                .Title($"[bold]How sure are we[/] [grey]({mc.Iterations:N0} Monte Carlo runs, seed {mc.Seed})[/]")
                .AddColumn("Output").AddColumn(new TableColumn("P10").RightAligned())
                .AddColumn(new TableColumn("P50").RightAligned()).AddColumn(new TableColumn("P90").RightAligned());
            bands.AddRow("Fiscal NPV", Money(mc.NpvFiscal.P10), Money(mc.NpvFiscal.P50), Money(mc.NpvFiscal.P90));
            bands.AddRow("Public value NPV", Money(mc.NpvPublicValue.P10), Money(mc.NpvPublicValue.P50), Money(mc.NpvPublicValue.P90));
            bands.AddRow("Fiscal ROI", Ratio(mc.RoiFiscal.P10), Ratio(mc.RoiFiscal.P50), Ratio(mc.RoiFiscal.P90));
            console.Write(bands);
            console.MarkupLine($"Chance fiscal NPV > 0: [bold]{mc.ProbabilityNpvFiscalPositive.ToString("P1", s_enGb)}[/]; public value NPV > 0: [bold]{mc.ProbabilityNpvPublicValuePositive.ToString("P1", s_enGb)}[/]");
        }

        var bars = new Table().Border(TableBorder.Rounded).Title("[bold]Tornado: fiscal NPV with each input at low and high[/]")
            .AddColumn("Input").AddColumn(new TableColumn("Low → high").RightAligned())
            .AddColumn(new TableColumn("NPV at low").RightAligned()).AddColumn(new TableColumn("NPV at high").RightAligned())
            .AddColumn(new TableColumn("Switching value").RightAligned());
        foreach (var b in tornado.Take(8))
        {
            var sv = switching.FirstOrDefault(s => s.Path == b.Path);
            bars.AddRow(Markup.Escape(b.Path), $"{Num(b.Low)} → {Num(b.High)}", Money(b.NpvFiscalAtLow), Money(b.NpvFiscalAtHigh),
                sv?.Value is { } v ? $"{Num(v)} ({sv.Change?.ToString("+0%;-0%", s_enGb) ?? "n/a"})" : "none");
        }

        console.Write(bars);

        if (trace)
        {
            var lines = new Table().Border(TableBorder.Simple).Title("[bold]How each figure was produced[/]")
                .AddColumn("t").AddColumn("Line").AddColumn("Agency").AddColumn("Unit cost").AddColumn("Rule")
                .AddColumn(new TableColumn("Amount").RightAligned());
            foreach (var t in r.Trace)
            {
                lines.AddRow(t.T.ToString(CultureInfo.InvariantCulture), Markup.Escape(t.Line), Markup.Escape(t.Agency),
                    Markup.Escape(t.Edition.Length == 0 ? t.Reference : $"{t.Reference} ({t.Edition})"), Markup.Escape(t.Rule), Money(t.Amount));
            }

            console.Write(lines);
        }

        foreach (var convention in r.Conventions)
        {
            console.MarkupLine($"[grey]{Markup.Escape(convention)}[/]");
        }
    }

    private static async Task<string> ShortHashAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var hash = await System.Security.Cryptography.SHA256.HashDataAsync(file, cancellationToken);
        return Convert.ToHexStringLower(hash)[..12];
    }

    private static string Money(decimal value) => Core.Money.FromPounds(value).ToString();

    private static string Money(double value) => double.IsFinite(value) ? Core.Money.FromPounds((decimal)value).ToString() : "n/a";

    private static string Ratio(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Ratio(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Num(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);
}
