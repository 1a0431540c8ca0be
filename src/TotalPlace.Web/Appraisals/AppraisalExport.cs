using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using TotalPlace.Core.Appraisal.Uncertainty;
using TotalPlace.Reports.Appraisal;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Appraisals;

/// <summary>An appraisal as a download: the Excel workbook the CLI writes (<see cref="AppraisalWorkbook"/>: Summary,
/// Inputs, Calculations, By agency, Trace) with a Sensitivity sheet added, or one of the page's tables as CSV.</summary>
public static class AppraisalExport
{
    /// <summary>The name of the sheet added to the CLI's workbook.</summary>
    public const string SensitivitySheet = "Sensitivity";

    /// <summary>The workbook for a valid outcome, with Monte Carlo bands on its Summary sheet when given.</summary>
    public static byte[] Xlsx(AppraisalOutcome outcome, MonteCarloResult? monteCarlo = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var result = outcome.Result ?? throw new ArgumentException("Only a valid proposal has a workbook.", nameof(outcome));
        using var stream = new MemoryStream();
        AppraisalWorkbook.Write(stream, result, monteCarlo);
        var sensitivity = AppraisalTables.Build(outcome).Single(t => t.Id == "sensitivity");
        var rows = sensitivity.Rows.Select(cells => sensitivity.Columns
            .Select((c, i) => (c.Header, Value: cells[i].Value))
            .ToDictionary(x => x.Header, x => x.Value, StringComparer.Ordinal)).ToList();
        stream.Position = 0;
        // Insert appends a sheet to the workbook in place; MiniExcel needs fast mode for it.
        stream.Insert(rows, SensitivitySheet, ExcelType.XLSX, new OpenXmlConfiguration { FastMode = true });
        return stream.ToArray();
    }

    /// <summary>One of the tables (<see cref="AppraisalTables.Ids"/>) as CSV; null when there is no such table.</summary>
    public static byte[]? Csv(AppraisalOutcome outcome, string table)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var match = AppraisalTables.Build(outcome).FirstOrDefault(t => string.Equals(t.Id, table, StringComparison.Ordinal));
        return match is null ? null : TableExport.ToCsv(match);
    }

    /// <summary>A file name from the proposal's name: letters, digits and dashes only.</summary>
    public static string FileName(AppraisalOutcome outcome, string suffix)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var name = outcome.Result?.Proposal.Name ?? "appraisal";
        var slug = new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return (slug.Length == 0 ? "appraisal" : slug[..Math.Min(60, slug.Length)]) + suffix;
    }
}
