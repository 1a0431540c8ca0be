using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TotalPlace.Core.Appraisal;
using TotalPlace.Web.Tables;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Appraisal;

/// <summary>The appraise page through the real server: an uploaded sample, a template, a bad file, and an export.</summary>
[Collection(WebCollection.Name)]
public sealed class AppraisePageTests(WebAppFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> UploadAsync(FormClient client, string json, bool withToken = true)
    {
        var token = await client.TokenFromAsync("/Appraise", Token);
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "Upload", SampleProposals.JsaFileName);
        return await client.Http.PostAsync("/Appraise", form, Token);
    }

    [Fact]
    public async Task Upload_JsaSample_RendersTheEnginesNpv()
    {
        var expected = SampleProposals.JsaByTheEngine();
        using var client = new FormClient(app.BaseAddress);

        using var response = await UploadAsync(client, SampleProposals.Jsa());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains($"id=\"npv-fiscal\" data-amount=\"{expected.NpvFiscal.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"", html, StringComparison.Ordinal);
        Assert.Contains(CellFormat.Display(expected.NpvFiscal, CellKind.Money), html, StringComparison.Ordinal);
        Assert.Contains("data-table=\"years\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = new FormClient(app.BaseAddress);

        using var response = await UploadAsync(client, SampleProposals.Jsa(), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Upload_BadProposal_ShowsTheFieldPath()
    {
        var proposal = JsonNode.Parse(SampleProposals.Jsa())!;
        proposal["outcomes"]![0]!["success"] = 1.5;
        using var client = new FormClient(app.BaseAddress);

        using var response = await UploadAsync(client, proposal.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("id=\"proposal-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("<code>outcomes[0].success</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_EveryBuiltInTemplate_RendersItsNpvAndExportsItsYears()
    {
        foreach (var name in ProposalTemplates.Names)
        {
            var expected = Appraiser.Default.Appraise(ProposalParser.Parse(ProposalTemplates.Get(name)).Value);

            var html = WebUtility.HtmlDecode(await app.Client.GetStringAsync($"/Appraise?template={name}", Token));
            Assert.Contains(CellFormat.Display(expected.NpvFiscal, CellKind.Money), html, StringComparison.Ordinal);

            var csv = await app.Client.GetStringAsync($"/Appraise?template={name}&handler=export&table=years&format=csv", Token);
            Assert.Equal(expected.Years.Count + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
    }
}
