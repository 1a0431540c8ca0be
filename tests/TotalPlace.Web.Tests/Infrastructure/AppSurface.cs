using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TotalPlace.Web.Tests.Infrastructure;

/// <summary>Everything the app answers, read from the running app itself (its Razor pages and its OpenAPI
/// document) so that a page or endpoint added later is covered by the tests that walk the surface without anyone
/// listing it.</summary>
public static class AppSurface
{
    /// <summary>One HTTP operation of the API: the method and the route template, e.g. GET /api/batches/{id}.</summary>
    public sealed record Operation(string Method, string Template)
    {
        /// <summary>The route with its parameters filled in.</summary>
        public string Path(IReadOnlyDictionary<string, string> values) =>
            values.Aggregate(Template, (path, value) => path.Replace("{" + value.Key + "}", Uri.EscapeDataString(value.Value), StringComparison.Ordinal));

        public override string ToString() => $"{Method} {Template}";
    }

    /// <summary>The route of every Razor page, e.g. "/", "/Batches/Detail".</summary>
    public static IReadOnlyList<string> Pages(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)];

    /// <summary>Every operation in the app's own OpenAPI document (GET /openapi/v1.json).</summary>
    public static async Task<IReadOnlyList<Operation>> OperationsAsync(HttpClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), cancellationToken));
        var operations = new List<Operation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name));
            }
        }

        return operations;
    }
}
