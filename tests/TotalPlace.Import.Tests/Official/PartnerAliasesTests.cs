using TotalPlace.Core.Places;
using TotalPlace.Core.Waste;
using TotalPlace.Import.Packages;
using TotalPlace.Testing;

namespace TotalPlace.Import.Tests.Official;

/// <summary>Default aliases for a package that names none: the names partners are paid under in the Hyndburn files.</summary>
[Trait("Issue", "12")]
public sealed class PartnerAliasesTests
{
    [Theory]
    [InlineData("Lancashire Police and Crime Commissioner and Chief Constable", AgencyKind.Police, "Lancashire Police Authority")]
    [InlineData("Lancashire Police and Crime Commissioner and Chief Constable", AgencyKind.Police, "The Police & Crime Commissioner for Lancashire")]
    [InlineData("Lancashire Combined Fire Authority", AgencyKind.FireAndRescue, "LANCASHIRE FIRE & RESCUE")]
    [InlineData("Hyndburn Borough Council", AgencyKind.LocalAuthority, "Hyndburn Council")]
    [InlineData("NHS Lancashire and South Cumbria Integrated Care Board", AgencyKind.Nhs, "NHS LANCASHIRE AND SOUTH CUMBRIA ICB")]
    public void Derive_CoversTheNameAsPaid(string name, AgencyKind kind, string paidAs)
    {
        var keys = PartnerAliases.Derive(name, kind).Select(SupplierNameNormaliser.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(SupplierNameNormaliser.Key(paidAs), keys);
    }

    [Theory]
    [InlineData("Lancashire Police and Crime Commissioner and Chief Constable", AgencyKind.Police, "Lancashire Police Federation")]
    [InlineData("Lancashire Police and Crime Commissioner and Chief Constable", AgencyKind.Police, "Lancashire Constabulary Sports & Social Club")]
    [InlineData("Lancashire County Council", AgencyKind.LocalAuthority, "Lancashire County Pension Fund")]
    [InlineData("Lancashire Combined Fire Authority", AgencyKind.FireAndRescue, "Buckinghamshire Fire & Rescue Service")]
    public void Derive_NeverCoversAnotherBody(string name, AgencyKind kind, string other)
    {
        var keys = PartnerAliases.Derive(name, kind).Select(SupplierNameNormaliser.Key).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(SupplierNameNormaliser.Key(other), keys);
    }

    [Fact]
    public void TheDraftHyndburnPackage_GetsDerivedAliases_AndSaysSo()
    {
        var read = PlacePackageReader.Read(SharedData.Hyndburn);
        var police = read.Package!.Partners.Single(p => p.Kind == AgencyKind.Police);
        Assert.Contains("Lancashire Police Authority", police.Aliases);
        Assert.Contains(read.Issues, i => !i.IsError && i.Where.EndsWith(".aliases", StringComparison.Ordinal) && i.Message.Contains("Lancashire Police Authority", StringComparison.Ordinal));
    }

    [Fact]
    public void APackageThatListsAliases_GetsExactlyThose()
    {
        var read = PlacePackageReader.Parse("""
            {"format": "totalplace-place-package/1", "place": {"code": "E07000120", "name": "Hyndburn", "population": 82200}, "financial_year": "2023-24",
             "partners": [{"id": "p", "name": "Lancashire Combined Fire Authority", "kind": "fire", "share": {"value": 1}, "aliases": ["LFRS"], "files": []}]}
            """);
        Assert.Equal(["LFRS"], read.Package!.Partners[0].Aliases);
    }
}
