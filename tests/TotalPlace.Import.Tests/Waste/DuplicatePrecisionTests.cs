using System.Globalization;
using System.Text;
using TotalPlace.Core.Waste;

namespace TotalPlace.Import.Tests.Waste;

/// <summary>The precision budget of the duplicate-payment finder, measured on real files (docs/waste.md holds the
/// figures): few findings on files with nothing planted, and floors on precision and recall for duplicates planted
/// into files the thresholds were not chosen on.</summary>
[Trait("Issue", "13")]
public sealed class DuplicatePrecisionTests
{
    private const int TuningSeed = 2014;
    private const int HeldOutSeed = 2025;

    /// <summary>The budget: at most this many default findings per 10,000 real lines (and at least 3 allowed on a small file).</summary>
    private const int BudgetPerTenThousand = 25;

    private static IReadOnlyList<DuplicatePayment> Detect(IReadOnlyList<PartnerTransaction> lines, DuplicatePaymentOptions? options = null) =>
        DuplicatePaymentDetector.Detect(lines, SupplierResolver.Resolve(lines), options);

    [Fact]
    public void RealFilesWithNothingPlanted_HoldFewFindingsPerTenThousandLines()
    {
        var report = new StringBuilder("| file | lines | findings | per 10,000 lines |\n| --- | ---: | ---: | ---: |\n");
        var total = 0;
        var totalFindings = 0;
        var overBudget = new List<string>();
        foreach (var (name, lines) in RealSpendFiles.All())
        {
            var found = Detect(lines);
            total += lines.Count;
            totalFindings += found.Count;
            report.Append(CultureInfo.InvariantCulture, $"| {name} | {lines.Count:N0} | {found.Count} | {PerTenThousand(found.Count, lines.Count):0.0} |\n");
            if (found.Count > Math.Max(3, lines.Count * BudgetPerTenThousand / 10_000))
            {
                overBudget.Add($"{name}: {found.Count} findings in {lines.Count} lines");
            }
        }

        report.Append(CultureInfo.InvariantCulture, $"| all | {total:N0} | {totalFindings} | {PerTenThousand(totalFindings, total):0.0} |\n");
        Publish("real-files", report.ToString());
        Assert.Empty(overBudget);
        Assert.True(total > 10_000, $"only {total} real lines were read");
    }

    [Fact]
    public void TraffordSizedFileBuiltFromRealRows_GivesAReportReadInASitting()
    {
        // Four months of Devon's July 2014 lines, each month's copy dated a month on with its own transaction and
        // invoice numbers: 37,836 real rows, the size of Trafford's 2026-27 file (38,055 lines) that gave 62,995
        // findings before invoice numbers were the key.
        var july = RealSpendFiles.Read(RealSpendFiles.Devon2014, "Devon County Council");
        var year = Enumerable.Range(0, 4).SelectMany(month => july.Select(l => l with
        {
            Line = l.Line with
            {
                Date = l.Line.Date.AddMonths(month),
                Reference = l.Line.Reference + "M" + month.ToString(CultureInfo.InvariantCulture),
                InvoiceNumber = l.Line.InvoiceNumber is { } invoice && !invoice.Contains("REDACTED", StringComparison.Ordinal)
                    ? invoice + "M" + month.ToString(CultureInfo.InvariantCulture) : l.Line.InvoiceNumber,
            },
        })).ToList();

        var found = Detect(year);

        Publish("trafford-sized", string.Create(CultureInfo.InvariantCulture, $"| {year.Count:N0} | {found.Count} | {PerTenThousand(found.Count, year.Count):0.0} |\n"));
        Assert.True(found.Count <= 4 * BudgetPerTenThousand, $"{found.Count} findings in {year.Count} lines");
    }

    [Fact]
    public void TuningSet_Devon2014_ThresholdsAcrossTheRange()
    {
        var set = PlantedDuplicates.Plant(RealSpendFiles.Read(RealSpendFiles.Devon2014, "Devon County Council"), TuningSeed);
        Assert.True(set.UsesInvoiceNumbers);
        var report = new StringBuilder("| threshold | findings | planted found | recall | false on near-misses | among real lines | precision (real counted false) |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var threshold in new[] { 0.4, 0.5, 0.6, 0.7, 0.8 })
        {
            var m = set.Measure(Detect(set.Lines, DuplicatePaymentOptions.Default with { Threshold = threshold }));
            report.Append(CultureInfo.InvariantCulture, $"| {threshold:0.0} | {m.Findings} | {m.TruePositives} of {m.Planted} | {m.Recall:P0} | {m.FalsePositives} | {m.AmongRealLines} | {m.Precision:P0} |\n");
        }

        Publish("tuning-devon-2014", report.ToString());
        var atDefault = set.Measure(Detect(set.Lines));
        Assert.True(atDefault.Recall >= 0.9, $"recall {atDefault}");
        Assert.True(atDefault.PrecisionOnLabelled >= 0.9, $"precision {atDefault}");
    }

    public static TheoryData<string, string, int, double, double> HeldOut => new()
    {
        // set, file, seed, recall floor, precision floor (near-misses and real pairs counted false)
        { "Devon July 2014, other plants", RealSpendFiles.Devon2014, HeldOutSeed, 0.9, 0.5 },
        { "Devon April 2025", RealSpendFiles.Devon2025, HeldOutSeed, 0.3, 0.8 },
        { "Hyndburn 2023-24", RealSpendFiles.HyndburnCouncil, HeldOutSeed, 0.4, 0.6 },
    };

    [Theory]
    [MemberData(nameof(HeldOut))]
    public void HeldOutSets_MeetTheirRecallAndPrecisionFloors(string name, string file, int seed, double recallFloor, double precisionFloor)
    {
        var set = PlantedDuplicates.Plant(RealSpendFiles.Read(file, name), seed);

        var m = set.Measure(Detect(set.Lines));

        Publish("held-out " + name, string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {(set.UsesInvoiceNumbers ? "yes" : "no")} | {m.Lines:N0} | {m.TruePositives} of {m.Planted} | {m.Recall:P0} | {m.FalsePositives} | {m.AmongRealLines} | {m.Precision:P0} |\n"));
        Assert.True(m.Recall >= recallFloor, $"{name}: {m}");
        Assert.True(m.Precision >= precisionFloor, $"{name}: {m}");
        Assert.Equal(0, m.FalsePositives);
    }

    private static double PerTenThousand(int findings, int lines) => lines == 0 ? 0 : findings * 10_000.0 / lines;

    /// <summary>Writes a measurement where docs/waste.md's figures can be copied from (WASTE_MEASUREMENTS=folder).</summary>
    private static void Publish(string name, string markdown)
    {
        TestContext.Current.SendDiagnosticMessage(name + "\n" + markdown);
        if (Environment.GetEnvironmentVariable("WASTE_MEASUREMENTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, name + ".md"), markdown);
        }
    }
}
