using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using TotalPlace.Core;
using TotalPlace.Core.Partnership;
using TotalPlace.Core.Partnership.Files;
using TotalPlace.Core.Partnership.Tracking;
using TotalPlace.Reports.Html;
using TotalPlace.Reports.Partnership;
using TotalPlace.Testing;

namespace TotalPlace.Reports.Tests.Partnership;

public sealed partial class OfferDocumentsTests
{
    private static readonly string s_samplePath = SharedData.RepositoryFile("samples/offers/gm-working-well.offer.json");

    private static Offer Sample() => OfferFile.Parse(File.ReadAllText(s_samplePath)).Offer!;

    // The sample read independently of the parser, so expected figures do not come from the code under test.
    private static JsonElement Raw() => JsonDocument.Parse(File.ReadAllText(s_samplePath)).RootElement;

    private static string TextOf(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [Fact]
    public void OfferHtml_MatchesGoldenFile()
    {
        GoldenFile.Assert(HtmlRenderer.Render(OfferDocuments.Offer(Sample())), "Expectations/Partnership/offer.html");
    }

    [Fact]
    public void MouHtml_MatchesGoldenFile()
    {
        GoldenFile.Assert(HtmlRenderer.Render(OfferDocuments.Mou(Sample())), "Expectations/Partnership/mou.html");
    }

    [Fact]
    public void OfferMarkdown_MatchesGoldenFile()
    {
        GoldenFile.Assert(MarkdownRenderer.Render(OfferDocuments.Offer(Sample())), "Expectations/Partnership/offer.md");
    }

    [Fact]
    public void MouMarkdown_MatchesGoldenFile()
    {
        GoldenFile.Assert(MarkdownRenderer.Render(OfferDocuments.Mou(Sample())), "Expectations/Partnership/mou.md");
    }

    [Fact]
    public void InterimReportHtml_MatchesGoldenFile()
    {
        var offer = Sample();

        GoldenFile.Assert(HtmlRenderer.Render(OfferDocuments.Progress(offer, OutcomeTracker.Interim(offer))), "Expectations/Partnership/interim.html");
    }

    [Fact]
    public void OfferHtml_ShowsEachPartnersTermContributionAndThePoolTotals()
    {
        var text = TextOf(HtmlRenderer.Render(OfferDocuments.Offer(Sample())));
        var raw = Raw();

        foreach (var partner in raw.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("name").GetString()!))
        {
            var total = raw.GetProperty("pool").GetProperty("contributions").EnumerateArray()
                .Where(c => c.GetProperty("partner").GetString() == partner)
                .Sum(c => c.GetProperty("cash").GetDecimal() + c.GetProperty("inKind").GetDecimal());
            Assert.Contains($"{partner} ", text, StringComparison.Ordinal);
            Assert.Contains(Money.FromPounds(total).ToString(), text, StringComparison.Ordinal);
        }

        foreach (var year in raw.GetProperty("pool").GetProperty("totals").EnumerateObject())
        {
            Assert.Contains(Money.FromPounds(year.Value.GetDecimal()).ToString(), text, StringComparison.Ordinal);
        }

        Assert.Contains("Version 1.0, 24 November 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void OfferHtml_ShowsEachPartnersFixedShareOfEachYearsSavings()
    {
        var text = TextOf(HtmlRenderer.Render(OfferDocuments.Offer(Sample())));
        var raw = Raw();
        var shares = raw.GetProperty("pool").GetProperty("savingsShare").GetProperty("shares").EnumerateObject()
            .ToDictionary(s => s.Name, s => s.Value.GetDecimal());
        var flows = raw.GetProperty("appraisals")[0].GetProperty("byAgency").EnumerateArray()
            .Where(f => shares.ContainsKey(f.GetProperty("agency").GetString()!))
            .ToList();

        foreach (var year in flows.Select(f => f.GetProperty("year").GetString()!).Distinct())
        {
            var saved = flows.Where(f => f.GetProperty("year").GetString() == year).Sum(f => f.GetProperty("benefit").GetDecimal());
            foreach (var (partner, share) in shares)
            {
                Assert.Matches($@"{year}\s+{Regex.Escape(partner)}\s+.*{Regex.Escape(Money.FromPounds(saved * share).ToString())}", text);
            }
        }
    }

    [Fact]
    public void MouHtml_HasASignatureBlockForEverySignatoryAndTheTerm()
    {
        var html = HtmlRenderer.Render(OfferDocuments.Mou(Sample()));
        var text = TextOf(html);
        var signatories = Raw().GetProperty("partners").EnumerateArray()
            .SelectMany(p => p.GetProperty("signatories").EnumerateArray()).ToList();

        Assert.Equal(signatories.Count, Regex.Count(html, "class=\"signature\""));
        foreach (var s in signatories)
        {
            Assert.Contains($"{s.GetProperty("name").GetString()}, {s.GetProperty("role").GetString()}", text, StringComparison.Ordinal);
        }

        Assert.Contains("from 1 April 2027 to 31 March 2030", text, StringComparison.Ordinal);
        Assert.Contains("Manchester City Council as accountable body", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EscapesMarkupInOfferText()
    {
        var offer = new Offer("x", "<script>alert(1)</script>", "E11000001", "A & B", OfferKind.Single, new DateOnly(2027, 4, 1));

        var html = HtmlRenderer.Render(OfferDocuments.Offer(offer));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("A &amp; B", html, StringComparison.Ordinal);
    }

    [Fact]
    public void InterimReport_ShowsSpendAgainstThePoolFromRecordedSpend()
    {
        var offer = Sample();
        var text = TextOf(HtmlRenderer.Render(OfferDocuments.Progress(offer, OutcomeTracker.Interim(offer))));
        var spent = Raw().GetProperty("poolSpend").EnumerateArray().Sum(s => s.GetProperty("amount").GetDecimal());

        Assert.Contains(Money.FromPounds(spent).ToString(), text, StringComparison.Ordinal);
        Assert.Contains("Interim report", text, StringComparison.Ordinal);
    }
}
