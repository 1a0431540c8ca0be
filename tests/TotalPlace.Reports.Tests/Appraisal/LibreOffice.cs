using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TotalPlace.Reports.Tests.Appraisal;

/// <summary>
/// Recalculates workbooks with LibreOffice Calc (headless, Debian's libreoffice-calc-nogui): an independent formula
/// engine. Cached values are stripped first and LibreOffice is told to recalculate on load, so every number read back
/// was computed by LibreOffice, not written by TotalPlace.
/// </summary>
internal static class LibreOffice
{
    private const string Profile = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        </oor:items>
        """;

    public static string? Binary => new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);

    /// <summary>Fails under CI (env CI set) and skips elsewhere when LibreOffice is not installed.</summary>
    public static string RequireBinary()
    {
        if (Binary is { } binary)
        {
            return binary;
        }

        const string reason = "LibreOffice Calc is not installed: run test-setup/install-libreoffice.sh (./test.sh does).";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException(reason);
        }

        Assert.Skip(reason);
        return "";
    }

    /// <summary>Recalculates each workbook; returns the recalculated copies, in the same order.</summary>
    public static IReadOnlyList<string> Recalculate(IReadOnlyList<string> workbooks)
    {
        var binary = RequireBinary();
        var work = Directory.CreateTempSubdirectory("totalplace-lo-");
        var inputs = Path.Combine(work.FullName, "in");
        var outputs = Path.Combine(work.FullName, "out");
        Directory.CreateDirectory(inputs);
        Directory.CreateDirectory(outputs);
        Directory.CreateDirectory(Path.Combine(work.FullName, "profile", "user"));
        File.WriteAllText(Path.Combine(work.FullName, "profile", "user", "registrymodifications.xcu"), Profile);
        var copies = new List<string>();
        for (var i = 0; i < workbooks.Count; i++)
        {
            var copy = Path.Combine(inputs, $"w{i:D3}.xlsx");
            File.Copy(workbooks[i], copy);
            StripCachedValues(copy);
            copies.Add(copy);
        }

        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--headless", "--norestore", "--nologo", $"-env:UserInstallation={new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri}", "--convert-to", "xlsx", "--outdir", outputs })
        {
            start.ArgumentList.Add(argument);
        }

        copies.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("LibreOffice did not finish within 5 minutes");
        }

        var results = copies.Select(c => Path.Combine(outputs, Path.GetFileName(c))).ToList();
        var missing = results.Where(r => !File.Exists(r)).ToList();
        Assert.True(missing.Count == 0, $"LibreOffice wrote no {string.Join(", ", missing)}: {stderr.Result}");
        return results;
    }

    /// <summary>Removes every formula cell's cached value (and the calculation chain), so a reader must calculate.</summary>
    public static void StripCachedValues(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        foreach (var part in document.WorkbookPart!.WorksheetParts)
        {
            foreach (var cell in part.Worksheet.Descendants<Cell>().Where(c => c.CellFormula is not null))
            {
                cell.CellValue = null;
                cell.DataType = null;
            }
        }
    }

    /// <summary>Sets a number input cell (clearing nothing else), for the test that changing an input moves the results.</summary>
    public static void SetNumber(string path, string sheet, string reference, decimal value)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var cell = XlsxValues.FindCell(document, sheet, reference) ?? throw new InvalidOperationException($"{sheet}!{reference} is empty");
        cell.CellValue = new CellValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cell.DataType = null;
    }
}
