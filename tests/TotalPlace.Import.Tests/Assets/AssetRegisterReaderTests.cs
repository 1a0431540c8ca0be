using System.Text;
using TotalPlace.Import.Assets;

namespace TotalPlace.Import.Tests.Assets;

public sealed class AssetRegisterReaderTests
{
    // The Local Government Transparency Code land-and-building layout, with a title line above the header as councils publish it.
    private const string Lgtc = """
        Land and building assets - published under the Local Government Transparency Code 2015
        Organisation Name,UPRN,Property Name,Street Number,Street Name,Post Town,Postcode,Easting,Northing,Tenure,Tenure Category,GIA m2,Annual Running Cost,Utilisation,Condition
        Exeter City Council,10013042233,Civic Centre,1,Paris Street,Exeter,ex1 1jn,292345,92790,Freehold,Land and Building,"4,250",£412000.50,45%,B
        Exeter City Council,,Riverside Depot,,Haven Road,Exeter,EX2 8DP,291500,91600,Leasehold,Building,800,"55,000",0.9,C

        """;

    [Fact]
    public void Read_LgtcLayoutWithTitleLine_ReadsEveryFieldAndComposesTheAddress()
    {
        var result = AssetRegisterReader.Read(Encoding.UTF8.GetBytes(Lgtc), "assets.csv", "Exeter City Council");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(2, result.Assets.Count);
        var civic = result.Assets[0];
        Assert.Equal(("10013042233", "Civic Centre", "1 Paris Street, Exeter", "EX1 1JN"), (civic.Uprn, civic.Name, civic.Address, civic.Postcode));
        Assert.Equal((292_345.0, 92_790.0), (civic.Easting!.Value, civic.Northing!.Value));
        Assert.Equal((4_250m, 412_000.50m, 0.45m), (civic.FloorArea, civic.RunningCost, civic.Utilisation));
        Assert.True(civic.IsFreehold);
        Assert.Equal(3, civic.SourceRow);
        Assert.Equal(0.9m, result.Assets[1].Utilisation);
        Assert.False(result.Assets[1].IsFreehold);
    }

    [Fact]
    public void Read_BadValues_AreReportedWithFileRowAndColumn()
    {
        const string Csv = "Property Name;UPRN;Latitude;Longitude;Utilisation\nHub;1;50.72;-3.53;45%\nClinic;2;95.1;-3.53;150%\n;3;50.7;-3.5;10%\n";

        var result = AssetRegisterReader.Read(Encoding.UTF8.GetBytes(Csv), "register.csv", "NHS Trust");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e is { File: "register.csv", Row: 3, Column: "Latitude", Value: "95.1" });
        Assert.Contains(result.Errors, e => e is { Row: 3, Column: "Utilisation", Value: "150%" });
        Assert.Contains(result.Errors, e => e is { Row: 4, Column: "Property Name" });
    }

    [Fact]
    public void Read_NoRecognisableHeader_IsOneClearError()
    {
        var result = AssetRegisterReader.Read(Encoding.UTF8.GetBytes("a,b,c\n1,2,3\n"), "x.csv", "Council");

        Assert.Contains("No header row", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }
}
