using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TotalPlace.Testing;
using TotalPlace.Web.Tests.Infrastructure;

namespace TotalPlace.Web.Tests.Api;

/// <summary>The HTTP API's OpenAPI document is a golden file, so API changes are deliberate (Spectre's PublicApiTests).</summary>
[Collection(WebCollection.Name)]
public sealed class OpenApiDocumentTests(WebAppFixture app)
{
    [Fact]
    public async Task OpenApiDocument_IsServedAndMatchesTheGoldenFile()
    {
        var json = await app.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        var document = JsonNode.Parse(json)!.AsObject();
        // The server list carries the test's random port; everything else must match exactly.
        document.Remove("servers");
        GoldenFile.Assert(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), "Expectations/openapi.json");
    }
}
