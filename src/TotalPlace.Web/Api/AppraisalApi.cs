using System.ComponentModel;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TotalPlace.Application.Appraisal;
using TotalPlace.Web.Appraisals;
using TotalPlace.Web.Jobs;
using TotalPlace.Web.Tables;

namespace TotalPlace.Web.Api;

/// <summary>Appraise a preventive proposal: a proposal JSON in, the business case out; as a download; and the Monte
/// Carlo simulation as a background job.</summary>
public static class AppraisalApi
{
    public static IEndpointRouteBuilder MapAppraisalApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("api/appraisals").WithTags("Appraisals");
        api.MapPost("/", Appraise)
            .WithName("Appraise")
            .WithSummary("Appraise a proposal")
            .WithDescription("Takes a proposal JSON (docs/proposal.schema.json; samples in samples/proposals) and returns PV costs, PV fiscal, NPV, ROI, payback, the years, who pays and who benefits, and sensitivity. A bad proposal gets a validation problem whose error keys are field paths, e.g. outcomes[0].success.")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json");
        api.MapPost("/export", Export)
            .WithName("ExportAppraisal")
            .WithSummary("Download an appraisal as Excel or CSV")
            .WithDescription("format=xlsx: the CLI's workbook (Summary, Inputs, Calculations, By agency, Trace) with a Sensitivity sheet. format=csv: one table, table=years (cash flows), by-agency or sensitivity. Figures are unrounded.")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: TableExport.XlsxContentType, additionalContentTypes: [TableExport.CsvContentType]);
        api.MapPost("/montecarlo", StartMonteCarlo)
            .WithName("StartMonteCarlo")
            .WithSummary("Start a Monte Carlo simulation of a proposal")
            .WithDescription("Queues the engine's seeded simulation of the proposal's uncertainty list as a background job and answers at once (202) with the run's id; poll GET api/appraisals/montecarlo/{id} (or api/jobs/{jobId}) for progress and the result.")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json");
        api.MapGet("/montecarlo/{id}", GetMonteCarlo)
            .WithName("GetMonteCarlo")
            .WithSummary("A Monte Carlo run's progress and, when done, its result");
        return app;
    }

    public static async Task<Results<Ok<AppraisalReport>, ValidationProblem>> Appraise(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (outcome, problem) = await EvaluateAsync(request, cancellationToken);
        return outcome is not null ? TypedResults.Ok(AppraisalReport.From(outcome)) : problem!;
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(
        HttpRequest request,
        [Description("xlsx (the workbook) or csv (one table).")] string format,
        [Description("For csv: years, by-agency or sensitivity.")] string? table,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TableExport.IsFormat(format))
        {
            return Problem("format", "Use format=xlsx or format=csv.", "Unknown export format");
        }

        var isCsv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (isCsv && !AppraisalTables.Ids.Contains(table ?? "", StringComparer.Ordinal))
        {
            return Problem("table", $"A CSV holds one table: table={string.Join(", ", AppraisalTables.Ids)}.", "Unknown table");
        }

        var (outcome, problem) = await EvaluateAsync(request, cancellationToken);
        if (outcome is null)
        {
            return problem!;
        }

        return isCsv
            ? TypedResults.File(AppraisalExport.Csv(outcome, table!)!, TableExport.CsvContentType, AppraisalExport.FileName(outcome, $"-{table}.csv"))
            : TypedResults.File(AppraisalExport.Xlsx(outcome), TableExport.XlsxContentType, AppraisalExport.FileName(outcome, ".xlsx"));
    }

    public static async Task<Results<Accepted<MonteCarloRunStatus>, ValidationProblem>> StartMonteCarlo(
        HttpRequest request,
        MonteCarloRuns runs,
        JobQueue jobs,
        [Description("Draws to run, 1 to 5,000,000 (default 10,000).")] int? iterations,
        [Description("The generator's seed (default 1): the same seed, proposal and iterations give the same result.")] ulong? seed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(jobs);
        var n = iterations ?? 10_000;
        if (n is < 1 or > MonteCarloRuns.MaxIterations)
        {
            return Problem("iterations", $"Run between 1 and {MonteCarloRuns.MaxIterations:N0} draws.", "Too many or too few iterations");
        }

        var (outcome, problem) = await EvaluateAsync(request, cancellationToken);
        if (outcome is null)
        {
            return problem!;
        }

        MonteCarloRun run;
        try
        {
            run = runs.Start(outcome, n, seed ?? 1);
        }
        catch (MonteCarloRefusedException ex)
        {
            return Problem(ex.Field, ex.Message, ex.Field == "uncertainty" ? "Nothing to vary" : "Too many or too few iterations");
        }

        var status = new MonteCarloRunStatus(run.Id, jobs.Find(run.JobId)!, null);
        return TypedResults.Accepted($"/api/appraisals/montecarlo/{run.Id}", status);
    }

    public static Results<Ok<MonteCarloRunStatus>, NotFound> GetMonteCarlo(
        MonteCarloRuns runs,
        JobQueue jobs,
        System.Security.Claims.ClaimsPrincipal user,
        [Description("The run's id, as returned when it was started.")] string id)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(jobs);
        return runs.Find(id) is { } run && jobs.FindFor(run.JobId, user) is { } job
            ? TypedResults.Ok(new MonteCarloRunStatus(run.Id, job, job.State == JobState.Succeeded && run.Result is { } r ? MonteCarloReport.From(r) : null))
            : TypedResults.NotFound();
    }

    private static async Task<(AppraisalOutcome? Outcome, ValidationProblem? Problem)> EvaluateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > AppraisalOutcome.MaxProposalBytes)
        {
            return (null, TooLarge());
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
            return (null, TooLarge());
        }

        var outcome = AppraisalOutcome.Evaluate(new string(buffer, 0, length));
        return outcome.Result is not null
            ? (outcome, null)
            : (null, TypedResults.ValidationProblem(
                outcome.Errors
                    .GroupBy(e => e.Path.Length == 0 ? "proposal" : e.Path, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
                title: "The proposal breaks a rule",
                detail: string.Join("; ", outcome.Errors)));
    }

    private static ValidationProblem Problem(string key, string message, string title) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [key] = [message] }, title: title);

    private static ValidationProblem TooLarge() =>
        Problem("proposal", $"A proposal may be at most {AppraisalOutcome.MaxProposalBytes / 1024} KB.", "The proposal is too large");
}
