using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TotalPlace.Web.Appraisals;

namespace TotalPlace.Web.Api;

/// <summary>Appraise a preventive proposal: a proposal JSON in, the business case out.</summary>
public static class AppraisalApi
{
    public static IEndpointRouteBuilder MapAppraisalApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("api/appraisals", Appraise)
            .WithTags("Appraisals")
            .WithName("Appraise")
            .WithSummary("Appraise a proposal")
            .WithDescription("Takes a proposal JSON (docs/proposal.schema.json; samples in samples/proposals) and returns PV costs, PV fiscal, NPV, ROI, payback, the years and who pays and who benefits. A bad proposal gets a validation problem whose error keys are field paths, e.g. outcomes[0].success.")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json");
        return app;
    }

    public static async Task<Results<Ok<AppraisalReport>, ValidationProblem>> Appraise(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > AppraisalOutcome.MaxProposalBytes)
        {
            return TooLarge();
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[AppraisalOutcome.MaxProposalBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > AppraisalOutcome.MaxProposalBytes)
        {
            return TooLarge();
        }

        var outcome = AppraisalOutcome.Evaluate(new string(buffer, 0, length));
        return outcome.Result is { } result
            ? TypedResults.Ok(AppraisalReport.From(result))
            : TypedResults.ValidationProblem(
                outcome.Errors
                    .GroupBy(e => e.Path.Length == 0 ? "proposal" : e.Path, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
                title: "The proposal breaks a rule",
                detail: string.Join("; ", outcome.Errors));
    }

    private static ValidationProblem TooLarge() =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { ["proposal"] = [$"A proposal may be at most {AppraisalOutcome.MaxProposalBytes / 1024} KB."] },
            title: "The proposal is too large");
}
