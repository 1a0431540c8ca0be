using System.Text.Json.Nodes;
using Json.Schema;
using TotalPlace.Testing;

namespace TotalPlace.Reports.Tests.Partnership;

/// <summary>The published JSON Schema (samples/offers/offer.schema.json) agrees with the sample and the parser's rules.</summary>
public sealed class OfferSchemaTests
{
    private static readonly JsonSchema s_schema = JsonSchema.FromText(File.ReadAllText(SharedData.RepositoryFile("samples/offers/offer.schema.json")));

    private static JsonNode Sample() => JsonNode.Parse(File.ReadAllText(SharedData.RepositoryFile("samples/offers/gm-working-well.offer.json")))!;

    private static EvaluationResults Evaluate(JsonNode node) =>
        s_schema.Evaluate(node, new EvaluationOptions { OutputFormat = OutputFormat.List });

    [Fact]
    public void Schema_AcceptsTheGreaterManchesterSample()
    {
        var result = Evaluate(Sample());

        Assert.True(result.IsValid, string.Join("\n", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Schema_RejectsAnEleventhOutcome()
    {
        var sample = Sample();
        var outcomes = sample["outcomes"]!.AsArray();
        while (outcomes.Count < 11)
        {
            outcomes.Add(outcomes[0]!.DeepClone());
        }

        Assert.False(Evaluate(sample).IsValid);
    }

    [Fact]
    public void Schema_RejectsAnUnknownField()
    {
        var sample = Sample();
        sample["pool"]!["acountableBody"] = "typo";

        Assert.False(Evaluate(sample).IsValid);
    }
}
