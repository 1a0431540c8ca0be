using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using TotalPlace.Application.Partnership;
using TotalPlace.Core.Partnership;
using TotalPlace.Testing;

namespace TotalPlace.Application.Tests.Partnership;

/// <summary>Validating and saving an offer as use cases, on the project's sample offer and a real DuckDB file.</summary>
public sealed class OfferUseCaseTests(DuckDbFileFixture fixture) : IClassFixture<DuckDbFileFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Evaluate_SampleOffer_ListsReadingProblemsThenEveryRuleTheValidatorFinds()
    {
        var read = ValidateOffer.Evaluate(SampleOffer());

        Assert.True(read.Readable);
        Assert.Empty(read.ReadingIssues);
        Assert.Equal(OfferValidator.Validate(read.Offer!), read.RuleIssues);
        Assert.Equal(read.RuleIssues, read.Issues);
    }

    [Fact]
    public void Evaluate_OfferWithoutScope_NamesTheField()
    {
        var json = JsonNode.Parse(SampleOffer())!.AsObject();
        json["scope"] = "";

        var read = ValidateOffer.Evaluate(json.ToJsonString());

        Assert.False(read.MaySubmit);
        Assert.Contains(read.Issues, i => i.Path == "$.scope" && i.Code == "offer.scope-missing");
    }

    [Fact]
    public async Task Save_UnreadableFile_IsRefusedAndStoresNothing()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);

        var result = await new SaveOffer(store).ExecuteAsync(new SaveOfferRequest("{ \"id\": "), Ct);

        Assert.Null(result.Saved);
        Assert.Equal(OfferNotSaved.Unreadable, result.Refusal);
        Assert.NotEmpty(result.Issues);
        Assert.Empty(await store.Partnership.ListOffersAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Save_SampleOffer_IsStoredAndReadsBackTheSame()
    {
        await using var store = await fixture.CreateStoreAsync(Ct);
        var text = SampleOffer();

        var result = await new SaveOffer(store).ExecuteAsync(new SaveOfferRequest(text), Ct);

        var saved = Assert.IsType<Offer>(result.Saved);
        Assert.Null(result.Refusal);
        var loaded = await store.Partnership.LoadOfferAsync(saved.PlaceCode, saved.Id, Ct);
        Assert.NotNull(loaded);
        Assert.Equal(ValidateOffer.Evaluate(text).Offer!.Title, loaded.Title);
    }

    private static string SampleOffer([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir!.FullName, "TotalPlace.slnx")))
        {
            dir = dir.Parent;
        }

        return File.ReadAllText(Path.Combine(dir.FullName, "samples/offers/gm-working-well.offer.json"));
    }
}
