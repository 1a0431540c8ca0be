using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TotalPlace.Import.Headers;
using static TotalPlace.Import.Tests.SpendFiles;

namespace TotalPlace.Import.Tests;

/// <summary>Columns found from names read as a person reads them, and from what the columns hold.</summary>
[Trait("Issue", "11")]
public sealed class ColumnRoleInferenceTests
{
    /// <summary>Header layouts published by real bodies (built here in code; the files themselves stay outside the
    /// repository): the header line, then the header expected for date and amount.</summary>
    public static TheoryData<string, string, string> PublishedLayouts => new()
    {
        { "DatePaid,Supplier,NetAmount,VAT", "DatePaid", "NetAmount" },
        { "PymtDate,SupplierName,SumOfNet Amt,Dept", "PymtDate", "SumOfNet Amt" },
        { "TRANS DATE,MERCHANT NAME,BILLING GROSS AMT,TRANS REF", "TRANS DATE", "BILLING GROSS AMT" },
        {
            "OrganisationURI,OrganisationLabel,EffectiveDate,ServiceCategoryLabel,ExpenditureCategory,BeneficiaryName,BeneficiaryID,PaymentDate,TransactionNumber,Amount,Purpose",
            "PaymentDate", "Amount"
        },
        {
            "Department family,Entity,Date,Expense type,Expense area,Supplier,Transaction number,Amount,Description,Supplier Postcode",
            "Date", "Amount"
        },
        { "Trans_Date,Vendor_Name,Net_Amt,VAT_Amt,Gross_Amt", "Trans_Date", "Net_Amt" },
        { "Pmt Date,Payee,Invoice Total,Line Val", "Pmt Date", "Line Val" },
        { "Date Paid,Supplier,Gross,Net,VAT", "Date Paid", "Net" },
    };

    [Theory]
    [MemberData(nameof(PublishedLayouts))]
    public void Read_PublishedLayout_FindsDateAndAmount(string header, string dateHeader, string amountHeader)
    {
        // Given
        var columns = header.Split(',');
        var row = columns.Select((h, i) => h == dateHeader ? "03/04/2024" : h == amountHeader ? "1234.56" : HeaderTokens.Read(h).Contains("amount", StringComparison.Ordinal) || h is "VAT" or "Gross" or "Net" ? "246.91" : $"x{i}");

        // When
        var result = Read(Lines(header, string.Join(',', row), string.Join(',', row)));

        // Then
        Assert.Empty(result.Errors);
        Assert.Equal(dateHeader, result.Mapping[ColumnRole.Date]!.Header);
        Assert.Equal(amountHeader, result.Mapping[ColumnRole.Amount]!.Header);
        Assert.Equal(2 * 1234.56m, result.Total);
        Assert.Contains(result.Notes, n => n.StartsWith("amount: ", StringComparison.Ordinal) && n.Contains(amountHeader, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_LgaSchema_MapsSupplierBodyReferenceAndPurpose()
    {
        var result = Read(Lines(
            "OrganisationURI,OrganisationLabel,EffectiveDate,ServiceCategoryLabel,ExpenditureCategory,BeneficiaryName,BeneficiaryID,PaymentDate,TransactionNumber,Amount,Purpose",
            "http://x/1,Anytown Council,01/04/2024,Highways,Repairs,Acme Ltd,12345678,03/04/2024,T1,100.00,Pothole repair"));

        var line = Assert.Single(result.Transactions);
        Assert.Equal("Acme Ltd", line.Supplier);
        Assert.Equal("12345678", line.SupplierId);
        Assert.Equal("Anytown Council", line.Body);
        Assert.Equal("T1", line.Reference);
        Assert.Equal("Pothole repair", line.Description);
        Assert.Equal("Highways", line.ExpenseArea);
        Assert.Equal("Repairs", line.ExpenseType);
        Assert.Equal(new DateOnly(2024, 4, 3), line.Date);
    }

    [Fact]
    [Trait("Issue", "15")]
    public void Read_TwoColumnsHeadedAmount_IsAnErrorNamingBothUntilAMappingChooses()
    {
        var text = Lines(
            "Date,Amount,Supplier,Amount",
            "01/04/2024,100234,A,10.50",
            "02/04/2024,100235,B,20.25",
            "03/04/2024,100236,C,30.75");

        var result = Read(text);
        var chosen = Read(text, SpendReadOptions.Default with { Mapping = ColumnMapping.Empty.With(ColumnRole.Amount, MappedColumn.ByNumber(4)) });

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Row);
        Assert.Contains("column 2 'Amount'", error.Message, StringComparison.Ordinal);
        Assert.Contains("column 4 'Amount'", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Transactions);
        Assert.Empty(chosen.Errors);
        Assert.Equal(61.50m, chosen.Total);
    }

    [Fact]
    [Trait("Issue", "15")]
    public void Read_TwoColumnsHeadedAmountBothWithPence_IsAnErrorNotAGuess()
    {
        var result = Read(Lines("Date,Supplier,Amount,Amount", "01/04/2024,A,100.00,123.45"));

        Assert.Contains(result.Errors, e => e.Message.Contains("2 columns are headed 'Amount'", StringComparison.Ordinal));
        Assert.Empty(result.Transactions);
    }

    [Fact]
    public void Read_UnclearNamesWhereOneColumnIsTheSumOfTwo_TakesTheNetByArithmetic()
    {
        var result = Read(Lines(
            "Date,Supplier,Value 1,Value 2,Value 3",
            "01/04/2024,A,120.00,100.00,20.00",
            "02/04/2024,B,60.00,50.00,10.00",
            "03/04/2024,C,12.30,10.25,2.05"));

        Assert.Empty(result.Errors);
        Assert.Equal("Value 2", result.Mapping[ColumnRole.Amount]!.Header);
        Assert.Equal(160.25m, result.Total);
        Assert.Contains(result.Notes, n => n.Contains("net line amount", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AColumnNamedLikeAnAmountHoldingText_IsPassedOverForOneHoldingMoney()
    {
        var result = Read(Lines(
            "Date,Amount Type,Supplier,Value",
            "01/04/2024,Invoice,A,10.00",
            "02/04/2024,Credit,B,-5.00"));

        Assert.Empty(result.Errors);
        Assert.Equal("Value", result.Mapping[ColumnRole.Amount]!.Header);
        Assert.Equal(5m, result.Total);
    }

    [Fact]
    public void Read_UserMappingNamingTheGross_WinsOverTheInferredNet()
    {
        var text = Lines("Date,Supplier,Net Amount,VAT,Gross Amount", "01/04/2024,A,100.00,20.00,120.00");
        var mapping = ColumnMapping.Empty.With(ColumnRole.Amount, MappedColumn.ByHeader("Gross Amount"));

        var inferred = Read(text);
        var chosen = Read(text, SpendReadOptions.Default with { Mapping = mapping });

        Assert.Equal(100m, inferred.Total);
        Assert.Equal(120m, chosen.Total);
    }

    private static readonly string[] s_words =
        ["payment", "date", "supplier", "name", "net", "amount", "transaction", "number", "expense", "type", "invoice", "value", "service", "label", "beneficiary"];

    private static Arbitrary<string[]> HeaderWords() =>
        Gen.Elements(s_words).ArrayOf().Where(a => a.Length is > 0 and < 5).ToArbitrary();

    [Property]
    public Property Tokenise_CamelSnakeSpacedAndUpperCaseSpellings_ReadTheSame() =>
        Prop.ForAll(HeaderWords(), words =>
        {
            var spaced = string.Join(' ', words);
            var camel = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
            var snake = string.Join('_', words).ToUpperInvariant();
            var dotted = string.Join(". ", words) + ".";
            var expected = HeaderTokens.Read(spaced);
            return HeaderTokens.Read(camel) == expected && HeaderTokens.Read(snake) == expected && HeaderTokens.Read(dotted) == expected
                && expected == (words.Length >= 2 && words[0] == "sum" ? expected : spaced);
        });

    [Property]
    public Property Tokenise_RunTogetherLowerCaseWords_AreSplitBackIntoThoseWords() =>
        Prop.ForAll(HeaderWords(), words =>
        {
            var runTogether = string.Concat(words);
            var read = HeaderTokens.Read(runTogether);

            // The fewest-words split may join words differently only where the vocabulary itself overlaps.
            return read.Replace(" ", string.Empty, StringComparison.Ordinal) == runTogether;
        });

    [Property]
    public Property Tokenise_AbbreviationsAnyCase_SpellTheWordOut() =>
        Prop.ForAll(Gen.Elements(("AMT", "amount"), ("Pymt", "payment"), ("NETT", "net"), ("val", "value"), ("TRANS", "transaction"), ("Inv", "invoice"),
                ("DEPT", "department"), ("Desc", "description"), ("REF", "reference"), ("No", "number"), ("NUM", "number")).ToArbitrary(),
            pair => HeaderTokens.Read($"Total {pair.Item1}.") == $"total {pair.Item2}");

    private static Arbitrary<int[]> Orders() =>
        Gen.Shuffle(Enumerable.Range(0, 6).ToArray()).Select(a => a.ToArray()).ToArbitrary();

    [Property]
    public Property Score_ColumnOrder_DoesNotChangeWhichHeaderIsChosenForEachRole() =>
        Prop.ForAll(Orders(), order =>
        {
            string[] headers = ["Payment Date", "Supplier Name", "Net Amount", "VAT Amount", "Gross Amount", "Transaction No"];
            string[] values = ["03/04/2024", "Acme", "100.00", "20.00", "120.00", "T1"];
            var result = Read(Lines(string.Join(',', order.Select(i => headers[i])), string.Join(',', order.Select(i => values[i]))));
            return result.Errors.Count == 0 && result.Total == 100m && result.Mapping[ColumnRole.Amount]!.Header == "Net Amount"
                && result.Mapping[ColumnRole.Date]!.Header == "Payment Date" && result.Mapping[ColumnRole.Reference]!.Header == "Transaction No";
        });

    [Property]
    public Property Score_AnUnrelatedColumnAdded_DoesNotChangeTheAmount() =>
        Prop.ForAll(Gen.Choose(0, 3).ToArbitrary(), Gen.Elements("Notes", "Postcode", "Cost Centre", "Line", "Category").ToArbitrary(), (at, extra) =>
        {
            var headers = new List<string> { "Date", "Supplier", "Amount" };
            var values = new List<string> { "03/04/2024", "Acme", "12.34" };
            headers.Insert(at, extra);
            values.Insert(at, "Z9");
            var result = Read(Lines(string.Join(',', headers), string.Join(',', values)));
            return result.Errors.Count == 0 && result.Total == 12.34m && result.Mapping[ColumnRole.Amount]!.Header == "Amount";
        });
}
