using FsCheck.Xunit;
using static TotalPlace.Import.Tests.SpendFiles;

namespace TotalPlace.Import.Tests;

public sealed class HeaderInferenceTests
{
    public static TheoryData<string, ColumnRole> PublishedHeaders => new()
    {
        { "Name of Body", ColumnRole.Body },
        { "Entity", ColumnRole.Body },
        { "Payment Date", ColumnRole.Date },
        { "Transaction No.", ColumnRole.Reference },
        { "Amount (£)", ColumnRole.Amount },
        { "Net Amount", ColumnRole.Amount },
        { "Vendor Name", ColumnRole.Supplier },
        { "Beneficiary", ColumnRole.Supplier },
        { "Supplier ID", ColumnRole.SupplierId },
        { "Company Registration Number", ColumnRole.SupplierId },
        { "Expense Type", ColumnRole.ExpenseType },
        { "Service Area", ColumnRole.ExpenseArea },
        { "Directorate", ColumnRole.ExpenseArea },
        { "SeRCOP Code", ColumnRole.ServiceCode },
        { "Cost Centre", ColumnRole.ServiceCode },
        { "Purpose of Expenditure", ColumnRole.Description },
    };

    [Theory]
    [MemberData(nameof(PublishedHeaders))]
    public void Read_PublishedHeaderName_IsMappedToItsRole(string header, ColumnRole role)
    {
        var headers = new List<string> { header };
        if (role != ColumnRole.Date)
        {
            headers.Add("Date");
        }

        if (role != ColumnRole.Amount)
        {
            headers.Add("Amount");
        }

        var text = Lines(string.Join(',', headers.Select(h => $"\"{h}\"")), string.Join(',', headers.Select(_ => "01/04/2024")));

        var result = Read(text);

        Assert.Equal(header, result.Mapping[role]!.Header);
    }

    [Fact]
    public void Read_SupplierNeighbours_AreNotTakenForTheSupplier()
    {
        var result = Read(Lines("Date,Amount,Supplier Postcode,Supplier Type,Supplier Name,VAT Registration Number", "01/04/2024,1,EX1,Ltd,Acme,123"));

        Assert.Equal("Supplier Name", result.Mapping[ColumnRole.Supplier]!.Header);
        Assert.Equal("Acme", result.Transactions[0].Supplier);
    }

    [Property]
    public bool Read_HeadersWithRandomPaddingAndCase_MapTheSameWay(bool upper, byte left, byte right, bool underscores)
    {
        string Mangle(string h)
        {
            var name = upper ? h.ToUpperInvariant() : h.ToLowerInvariant();
            name = underscores ? name.Replace(' ', '_') : name;
            return new string(' ', left % 4) + name + new string('\u00A0', right % 3);
        }

        var headers = new[] { "Body", "Date", "Transaction Number", "Amount", "Supplier Name", "Expense Type", "Expense Area" };
        var text = Lines(string.Join(',', headers.Select(h => $"\"{Mangle(h)}\"")), "Council,01/04/2024,T1,10.00,A,Rents,Housing");

        var result = Read(text);

        var t = result.Transactions.Single();
        return result.Errors.Count == 0 && t.Body == "Council" && t.Reference == "T1" && t.Amount == 10m && t.Supplier == "A"
            && t.ExpenseType == "Rents" && t.ExpenseArea == "Housing";
    }
}
