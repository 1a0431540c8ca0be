using TotalPlace.Core.Waste;

namespace TotalPlace.Core.Tests.Waste;

public sealed class SupplierResolverTests
{
    private static SupplierEntry E(string agency, string name, string? id = null) => new(agency, name, id);

    [Fact]
    public void Resolve_SpellingVariantsAcrossPartners_FormOneClusterThatExplainsItself()
    {
        var entries = new[] { E("Council", "ACME CARE LTD"), E("NHS Trust", "Acme Care Limited"), E("Police", "THE ACME CARE CO.") };

        var resolution = SupplierResolver.Resolve(entries);

        var cluster = Assert.Single(resolution.Clusters);
        Assert.Equal(3, cluster.Members.Count);
        Assert.Equal(2, cluster.Links.Count);
        Assert.All(cluster.Links, l => Assert.Equal(SupplierLinkRule.SameName, l.Rule));
        Assert.Equal(["Council", "NHS Trust", "Police"], cluster.Agencies);
    }

    [Fact]
    public void Resolve_EqualCompanyNumbers_JoinDifferentNames()
    {
        var resolution = SupplierResolver.Resolve([E("Council", "ACME CARE LTD", "01234567"), E("NHS Trust", "ZEBRA HOMES", "01234567")]);

        var cluster = Assert.Single(resolution.Clusters);
        Assert.Equal(SupplierLinkRule.SameRegisteredNumber, Assert.Single(cluster.Links).Rule);
        Assert.Equal("CH:01234567", cluster.RegisteredNumber);
    }

    [Fact]
    public void Resolve_DifferentCompanyNumbers_BlockANameMatch()
    {
        var resolution = SupplierResolver.Resolve([E("Council", "ACME CARE LTD", "01234567"), E("NHS Trust", "ACME CARE LIMITED", "SC765432")]);

        Assert.Equal(2, resolution.Clusters.Count);
        Assert.Equal(SupplierLinkRule.SameName, Assert.Single(resolution.Refused).Rule);
    }

    [Fact]
    public void Resolve_VendorNumbers_JoinOnlyWithinOnePartner()
    {
        var resolution = SupplierResolver.Resolve([
            E("Council", "T S L EDUCATION LTD", "21058"),
            E("Council", "TES GLOBAL LIMITED/ADVERTISING", "21058"),
            E("NHS Trust", "NORTHERN WIDGETS", "21058"),
        ]);

        Assert.Equal(2, resolution.Clusters.Count);
        var joined = resolution.ClusterOf(E("Council", "T S L EDUCATION LTD", "21058"))!;
        Assert.Contains("TES GLOBAL LIMITED/ADVERTISING", joined.Spellings);
        Assert.Equal(SupplierLinkRule.SameVendorNumber, Assert.Single(joined.Links).Rule);
    }

    [Fact]
    public void Resolve_PublisherRedirectInTheName_JoinsTheNamedVendor()
    {
        var resolution = SupplierResolver.Resolve([
            E("Council", "SANCTUARY HOME CARE (PLYMOUTH)", "89879"),
            E("Council", "SANCTUARY HOME CARE **USE 89879*", "290050"),
        ]);

        var cluster = Assert.Single(resolution.Clusters);
        Assert.Equal(SupplierLinkRule.VendorRedirect, Assert.Single(cluster.Links).Rule);
    }

    [Fact]
    public void Resolve_DifferentSitesOfALikeNamedSetting_StayApart()
    {
        var resolution = SupplierResolver.Resolve([E("Council", "LITTLE ONES DAY NURSERY(HONITON)"), E("Council", "LITTLE ONES DAY NURSERY(WHIPTON)")]);

        Assert.Equal(2, resolution.Clusters.Count);
    }

    [Fact]
    public void Resolve_AccountQualifiers_JoinTheBody()
    {
        var resolution = SupplierResolver.Resolve([E("Council", "EAST DEVON DIST CNCL(GEN A/C)"), E("Council", "EAST DEVON DIST COUN (S O ACC)")]);

        Assert.Single(resolution.Clusters);
    }

    [Fact]
    public void Resolve_TypoInARareWord_JoinsBySimilarityWithItsScore()
    {
        var resolution = SupplierResolver.Resolve([E("Council", "BREAKTHRUOGH TRANSFORMATION TRUST"), E("NHS Trust", "BREAKTHROUGH TRANSFORMATION TRUST"), E("Police", "NORTHERN TRANSFORMATION TRUST")]);

        var cluster = resolution.ClusterOf(E("Council", "BREAKTHRUOGH TRANSFORMATION TRUST"))!;
        Assert.Equal(2, cluster.Members.Count);
        var link = Assert.Single(cluster.Links);
        Assert.Equal(SupplierLinkRule.SimilarName, link.Rule);
        Assert.InRange(link.Score, 0.9, 1.0);
        Assert.Contains("score", link.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_LikeNamedCouncils_AreNotJoined()
    {
        var resolution = SupplierResolver.Resolve([E("MoJ", "MANCHESTER CITY COUNCIL"), E("MoJ", "WINCHESTER CITY COUNCIL"), E("MoJ", "LEICESTER CITY COUNCIL")]);

        Assert.Equal(3, resolution.Clusters.Count);
    }

    [Fact]
    public void Resolve_RedactedAndPersonalEntries_AreReportedAndNeverMatched()
    {
        var resolution = SupplierResolver.Resolve([
            E("Council", "REDACTED UNDER DP ACT", "102526"),
            E("Council", "REDACTED UNDER DP ACT", "102654"),
            E("Council", "Mr J Smith"),
            E("NHS Trust", "Mr J Smith"),
        ]);

        Assert.Empty(resolution.Clusters);
        Assert.Equal(4, resolution.Excluded.Count);
        Assert.Equal(SupplierEntryKind.Personal, resolution.ExclusionOf(E("NHS Trust", "Mr J Smith")));
    }

    [Fact]
    public void Resolve_UserSplit_WinsOverEqualNames()
    {
        var entries = new[] { E("Council", "WILLOW HOUSE", "186632"), E("Council", "WILLOW HOUSE LTD", "310189") };

        var resolution = SupplierResolver.Resolve(entries, [new SupplierDecision(SupplierDecisionKind.Split, "willow house", "WILLOW HOUSE LTD", "two different care homes")]);

        Assert.Equal(2, resolution.Clusters.Count);
        Assert.Single(resolution.Refused);
    }

    [Fact]
    public void Resolve_UserMerge_WinsOverDissimilarNames()
    {
        var entries = new[] { E("Council", "H F TRUST LTD"), E("NHS Trust", "HOMEFARM TRUST LTD") };

        var resolution = SupplierResolver.Resolve(entries, [new SupplierDecision(SupplierDecisionKind.Merge, "H F TRUST LTD", "HOMEFARM TRUST LTD", "HF Trust is Home Farm Trust")]);

        var cluster = Assert.Single(resolution.Clusters);
        Assert.Equal(SupplierLinkRule.UserMerge, Assert.Single(cluster.Links).Rule);
    }

    [Fact]
    public void Resolve_TradingName_JoinsTheSupplierPublishedUnderIt()
    {
        var resolution = SupplierResolver.Resolve([E("MoJ", "THOMSON REUTERS T/A SWEET & MAXWELL LTD"), E("Council", "SWEET & MAXWELL")]);

        Assert.Equal(SupplierLinkRule.TradingName, Assert.Single(Assert.Single(resolution.Clusters).Links).Rule);
    }

    [Fact]
    public void Resolve_TransactionLines_NamesTheClusterByItsMostUsedSpelling()
    {
        var lines = new[]
        {
            Lines.Paid("Council", "ACME CARE LTD", 10m, new DateOnly(2024, 4, 1)),
            Lines.Paid("Council", "ACME CARE LTD", 10m, new DateOnly(2024, 4, 2)),
            Lines.Paid("NHS Trust", "Acme Care Limited", 10m, new DateOnly(2024, 4, 3)),
        };

        var resolution = SupplierResolver.Resolve(lines);

        Assert.Equal("ACME CARE LTD", Assert.Single(resolution.Clusters).Name);
        Assert.Same(resolution.ClusterOf(lines[0]), resolution.ClusterOf(lines[2]));
    }
}
