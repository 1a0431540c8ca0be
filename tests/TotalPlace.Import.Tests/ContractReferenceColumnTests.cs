using TotalPlace.Testing;
using static TotalPlace.Import.Tests.SpendFiles;

namespace TotalPlace.Import.Tests;

public sealed class ContractReferenceColumnTests
{
    [Theory]
    [InlineData("Contract Number")]
    [InlineData("Contract Ref.")]
    [InlineData("Purchase Order Number")]
    [InlineData("PO Number")]
    public void Read_ContractOrPurchaseOrderHeader_IsTheContractReference(string header)
    {
        var result = Read(Lines($"Date,Transaction Number,Amount,Supplier Name,\"{header}\"", "01/04/2024,T1,10.00,Acme,C-101"));

        Assert.Equal(header, result.Mapping[ColumnRole.ContractReference]!.Header);
        Assert.Equal("Transaction Number", result.Mapping[ColumnRole.Reference]!.Header);
    }

    [Fact]
    public void Read_ContractNumberColumn_EachLineCarriesItsNumberAndAnEmptyCellNone()
    {
        var result = Read(Lines("Date,Transaction Number,Amount,Supplier Name,Contract Number", "01/04/2024,T1,10.00,Acme, C-101 ", "02/04/2024,T2,20.00,Acme,"));

        Assert.Equal(["C-101", null], result.Transactions.Select(t => t.ContractReference));
    }

    [Theory]
    [InlineData("Contract Description")]
    [InlineData("Contract Value")]
    [InlineData("Contract Start Date")]
    public void Read_OtherContractColumns_AreNotTheContractReference(string header)
    {
        var result = Read(Lines($"Date,Amount,Supplier Name,\"{header}\"", "01/04/2024,10.00,Acme,x"));

        Assert.Null(result.Mapping[ColumnRole.ContractReference]);
    }

    [Fact]
    public void Read_MojSpendOver25k_FindsItsContractNumberColumnBesideTheTransactionNumber()
    {
        var bytes = File.ReadAllBytes(SharedData.File("spend-samples/ministry-of-justice/moj-aramis-april-12.csv.csv"));

        var result = SpendFileReader.Read("moj-aramis-april-12.csv.csv", bytes);

        Assert.Equal(new MappedColumn(13, "Contract Number"), result.Mapping[ColumnRole.ContractReference]);
        Assert.Equal("Transaction Number", result.Mapping[ColumnRole.Reference]!.Header);
    }

    [Fact]
    public void MappingFile_ContractNumberKey_RoundTripsAsContractReference()
    {
        var mapping = ColumnMapping.FromJson("""{ "columns": { "date": 1, "amount": 2, "contractNumber": "PO Ref" } }""", "map.json");

        Assert.Equal("PO Ref", mapping[ColumnRole.ContractReference]!.Header);
        Assert.Contains("\"contractReference\": \"PO Ref\"", mapping.ToJson(), StringComparison.Ordinal);
        Assert.Equal(mapping[ColumnRole.ContractReference], ColumnMapping.FromJson(mapping.ToJson(), "again.json")[ColumnRole.ContractReference]);
    }
}
