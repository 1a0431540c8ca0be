using TotalPlace.Core.Waste;
using TotalPlace.Testing;

namespace TotalPlace.Import.Tests.Waste;

/// <summary>The real published spend files in ../shared/data, read with the product's reader, as partner lines.</summary>
/// <remarks>Found through <see cref="SharedData"/>: a missing folder is a failure that says where it was expected.</remarks>
internal static class RealSpendFiles
{
    public const string Devon2014 = "spend-samples/devon-county-council/DCCSpendingOver500_201407.csv";
    public const string Devon2025 = "spend-samples/devon-county-council/DCCSpendingOver500_202504.csv";
    public const string MinistryOfJustice = "spend-samples/ministry-of-justice/moj-aramis-april-12.csv.csv";
    public const string NhsBusinessServices = "spend-samples/nhs-business-services-authority/08_-_November(3).csv";
    public const string HyndburnCouncil = "places/hyndburn-2023-24/hyndburn-borough-council";
    public const string LancashirePcc = "places/hyndburn-2023-24/lancashire-pcc/pcc-2023-24.xlsx";
    public const string LancashireFire = "places/hyndburn-2023-24/lancashire-fire-rescue/fire-2023-24.xlsx";

    /// <summary>One file (or every CSV of a folder, as one partner's year) as the partner's lines.</summary>
    public static List<PartnerTransaction> Read(string relative, string agency)
    {
        var path = SharedData.PathOf(relative);
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.csv").Order(StringComparer.Ordinal).ToArray() : [path];
        var lines = new List<PartnerTransaction>();
        foreach (var file in files)
        {
            var result = SpendFileReader.Read(Path.GetFileName(file), File.ReadAllBytes(file), new SpendReadOptions { AllowPartial = true });
            lines.AddRange(result.Transactions.Select(t => new PartnerTransaction(agency, t)));
        }

        return lines;
    }

    /// <summary>Every real file, each as its own partner, with the name the docs use.</summary>
    public static IEnumerable<(string Name, List<PartnerTransaction> Lines)> All()
    {
        yield return ("Devon County Council, July 2014", Read(Devon2014, "Devon County Council"));
        yield return ("Devon County Council, April 2025", Read(Devon2025, "Devon County Council"));
        yield return ("Ministry of Justice, April 2012", Read(MinistryOfJustice, "Ministry of Justice"));
        yield return ("NHS Business Services Authority, November 2013", Read(NhsBusinessServices, "NHS Business Services Authority"));
        yield return ("Hyndburn Borough Council, 2023-24 (12 monthly files)", Read(HyndburnCouncil, "Hyndburn Borough Council"));
        yield return ("Lancashire PCC, 2023-24 workbook", Read(LancashirePcc, "Lancashire PCC"));
        yield return ("Lancashire Fire and Rescue, 2023-24 workbook", Read(LancashireFire, "Lancashire Fire and Rescue"));
    }
}
