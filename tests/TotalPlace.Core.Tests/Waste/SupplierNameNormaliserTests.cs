using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TotalPlace.Core.Waste;

namespace TotalPlace.Core.Tests.Waste;

public sealed class SupplierNameNormaliserTests
{
    private static readonly string[] s_bases = ["ACME CARE", "Westcountry Maintenance Services", "NEOPOST", "Royal Mail", "Smith & Sons Builders", "E D F ENERGY"];
    private static readonly string[] s_suffixes = ["LTD", "LIMITED", "Ltd.", "PLC", "plc", "LLP", "CIC", "C.I.C.", "CO", "Co.", "& CO LTD", "GROUP LTD", "UK LTD", "(UK) LIMITED", "LIMITED (UK)"];

    [Theory]
    [InlineData("ACME CARE LTD", "ACME CARE")]
    [InlineData("Acme Care Limited", "ACME CARE")]
    [InlineData("THE ACME CARE CO.", "ACME CARE")]
    [InlineData("ACME CARE THE", "ACME CARE")]
    [InlineData("Acme Care plc", "ACME CARE")]
    [InlineData("ACME CARE C.I.C.", "ACME CARE")]
    [InlineData("SMITH & SONS", "SMITH SONS")]
    [InlineData("SMITH AND SONS", "SMITH SONS")]
    [InlineData("E D F ENERGY LTD", "EDF ENERGY")]
    [InlineData("EDF ENERGY LTD", "EDF ENERGY")]
    [InlineData("WESTCOUNTRY MAINTENANCE SRVS LTD", "WESTCOUNTRY MAINTENANCE SERVICES")]
    [InlineData("  Barnardo's  ", "BARNARDOS")]
    [InlineData("DEPARTMENT FOR COMMUNITIES & LOCAL GOVERNMENT", "COMMUNITIES LOCAL GOVERNMENT")]
    [InlineData("DEPARTMENT FOR EDUCATION", "DEPARTMENT FOR EDUCATION")]
    public void Key_PublishedVariants_ReduceToTheCoreName(string raw, string expected) =>
        Assert.Equal(expected, SupplierNameNormaliser.Key(raw));

    [Fact]
    public void Normalise_TradingAs_SeparatesLegalAndTradingNames()
    {
        var name = SupplierNameNormaliser.Normalise("THOMSON REUTERS T/A SWEET & MAXWELL LTD");

        Assert.Equal("THOMSON REUTERS", name.Key);
        Assert.Equal("SWEET MAXWELL", name.TradingName);
    }

    [Fact]
    public void Normalise_BracketsAndSlashes_BecomeQualifiers()
    {
        var bracket = SupplierNameNormaliser.Normalise("PLYMOUTH CITY COUNCIL(RADIUS A/C");
        var slash = SupplierNameNormaliser.Normalise("CARASTON HALL SUPPORT LTD/CLIENT");

        Assert.Equal(("PLYMOUTH CITY COUNCIL", "RADIUS ACCOUNT"), (bracket.Key, bracket.Qualifier));
        Assert.Equal(("CARASTON HALL SUPPORT", "CLIENT"), (slash.Key, slash.Qualifier));
    }

    [Fact]
    public void Normalise_PublisherRedirect_IsReadAsAVendorPointer()
    {
        var name = SupplierNameNormaliser.Normalise("BRITISH GAS BUS**USE 114029**");

        Assert.Equal("114029", name.RedirectId);
        Assert.Equal("BRITISH GAS BUS", name.Key);
    }

    [Theory]
    [InlineData("REDACTED UNDER DP ACT", SupplierEntryKind.Redacted)]
    [InlineData("Redacted", SupplierEntryKind.Redacted)]
    [InlineData("Personal Information", SupplierEntryKind.Redacted)]
    [InlineData("", SupplierEntryKind.Missing)]
    [InlineData(null, SupplierEntryKind.Missing)]
    [InlineData("Mr J Smith", SupplierEntryKind.Personal)]
    [InlineData("MRS A JONES", SupplierEntryKind.Personal)]
    [InlineData("SMITH J", SupplierEntryKind.Personal)]
    [InlineData("BERRY D R", SupplierEntryKind.Personal)]
    [InlineData("PRITCHARD JANE", SupplierEntryKind.Personal)]
    [InlineData("Julia Harris", SupplierEntryKind.Personal)]
    [InlineData("K S FENCING", SupplierEntryKind.Organisation)]
    [InlineData("JOHN LEWIS PLC", SupplierEntryKind.Organisation)]
    [InlineData("GEORGE HOTEL", SupplierEntryKind.Organisation)]
    [InlineData("ATOS IT SERVICES UK LTD", SupplierEntryKind.Organisation)]
    public void Normalise_RedactedAndPersonalEntries_AreRecognised(string? raw, SupplierEntryKind expected) =>
        Assert.Equal(expected, SupplierNameNormaliser.Normalise(raw).Kind);

    [Property(MaxTest = 500)]
    public bool Key_IsIdempotent(NonNull<string> raw)
    {
        var once = SupplierNameNormaliser.Key(raw.Get);
        return SupplierNameNormaliser.Key(once) == once;
    }

    [Property(MaxTest = 300)]
    public Property Key_OfRealisticNames_IsIdempotent() =>
        Prop.ForAll(NameGen().ToArbitrary(), name => SupplierNameNormaliser.Key(SupplierNameNormaliser.Key(name)) == SupplierNameNormaliser.Key(name));

    [Property(MaxTest = 300)]
    public bool Key_LegalSuffixVariants_Collapse(NonNegativeInt b, NonNegativeInt s, bool upper)
    {
        var core = s_bases[b.Get % s_bases.Length];
        var suffixed = core + " " + s_suffixes[s.Get % s_suffixes.Length];
        return SupplierNameNormaliser.Key(upper ? suffixed.ToUpperInvariant() : suffixed) == SupplierNameNormaliser.Key(core);
    }

    private static Gen<string> NameGen()
    {
        var words = Gen.Elements("THE", "ACME", "CARE", "LTD", "LIMITED", "&", "AND", "T/A", "(UK)", "CO", "A", "B", "C", "GROUP", "PLC", "SRVS", "/", "(", ")", "**USE", "123**", "MR", "J", "SMITH", "ST.", "DEPARTMENT", "FOR", "WORK");
        return words.ListOf().Select(ws => string.Join(' ', ws));
    }
}
