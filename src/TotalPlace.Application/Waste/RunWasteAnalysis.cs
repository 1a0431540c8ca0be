using System.Globalization;
using TotalPlace.Core.Assets;
using TotalPlace.Core.Places;
using TotalPlace.Core.Waste;
using TotalPlace.Storage;
using TotalPlace.Storage.Audit;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Application.Waste;

/// <summary>What a waste run was asked for.</summary>
/// <param name="PlaceCode">The place's GSS code; the place must already be in the store (a run never creates one).</param>
/// <param name="Viewer">What the person running it may see. A run reads every line of the place, published or not, and
/// its findings name partners' suppliers and payments, so only a reader who sees the whole place
/// (<see cref="VisibilityKind.All"/>: an administrator, the board, the local CLI user) may run it.</param>
/// <param name="RunBy">Who runs it, for the audit trail when no ambient actor is set (<see cref="AuditActor"/>).</param>
public sealed record RunWasteAnalysisRequest(string PlaceCode, Visibility Viewer, string? RunBy = null);

/// <summary>A waste run's outcome: every saved finding, ranked, with reviewers' decisions (kept across runs) applied.</summary>
/// <param name="PlaceCode">The place, as stored (upper case).</param>
/// <param name="Findings">Every finding, false positives included (last), as the store ranks them.</param>
/// <param name="LinesRead">The transaction lines the analyses read.</param>
public sealed record WasteAnalysisResult(string PlaceCode, IReadOnlyList<WasteFinding> Findings, long LinesRead)
{
    /// <summary>Findings a reviewer has not marked false positive (open or confirmed).</summary>
    public int OpenOrConfirmed => Findings.Count(f => f.State != ReviewState.FalsePositive);

    /// <summary>Findings marked false positive (kept, shown only when asked for).</summary>
    public int FalsePositives => Findings.Count - OpenOrConfirmed;

    /// <summary>Money at stake over the findings not marked false positive.</summary>
    public decimal MoneyAtStake => Findings.Where(f => f.State != ReviewState.FalsePositive).Sum(f => f.MoneyAtStake);

    /// <summary>One line for a person: "Read 2,000 lines and found 12 findings: 11 open or confirmed, 1 marked false positive."</summary>
    public string Summary => string.Create(
        CultureInfo.GetCultureInfo("en-GB"),
        $"Read {LinesRead:N0} {(LinesRead == 1 ? "line" : "lines")} and found {Findings.Count:N0} {(Findings.Count == 1 ? "finding" : "findings")}: {OpenOrConfirmed:N0} open or confirmed, {FalsePositives:N0} marked false positive.");
}

/// <summary>The request cannot be run as asked: an unknown place, or a reader who does not see the whole place. The
/// message is one line for the person who asked.</summary>
public sealed class WasteRequestRefusedException : Exception
{
    public WasteRequestRefusedException(string message, WasteRefusal reason)
        : base(message) => Reason = reason;

    public WasteRequestRefusedException()
    {
    }

    public WasteRequestRefusedException(string message)
        : base(message)
    {
    }

    public WasteRequestRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Why: the host maps it to its own answer (an exit code, 400/403/404).</summary>
    public WasteRefusal Reason { get; }
}

/// <summary>Why a waste request was refused.</summary>
public enum WasteRefusal
{
    /// <summary>The place or the finding is not in the store.</summary>
    NotFound,

    /// <summary>The reader does not see the whole place.</summary>
    NotPlaceWide,

    /// <summary>The request is incomplete or malformed.</summary>
    Invalid,
}

/// <summary>The use case "find waste in a place": read the place's lines, resolve suppliers (with reviewers' merges
/// and splits), run every analysis, save the findings (replacing the last run's; reviewers' decisions are keyed by
/// finding and kept) and return them ranked with the decisions applied. The CLI's <c>waste</c> verb and the web's
/// waste page (a background job) both run it, so they always give the same findings.</summary>
public sealed class RunWasteAnalysis(IPlaceStore store, TimeProvider clock)
{
    /// <summary>The phase that reads the place's lines (its progress counts them).</summary>
    public const string ReadingPhase = "Reading lines";

    // Each phase's share of a run, from the 1,000,000-line benchmark (docs/performance/waste.md): reading about 30%,
    // resolving 10%, shared suppliers 20%, duplicates 25%, overlap and co-location 15%; saving is quick.
    private const double ReadShare = 0.30;
    private const int ReportEvery = 10_000;

    /// <summary>Checks the request (a known place, a place-wide reader) without running anything: what a host calls
    /// before queueing a run in the background, so the refusal is answered at once.</summary>
    /// <returns>The place's code as stored.</returns>
    /// <exception cref="WasteRequestRefusedException">The place is unknown or the reader does not see the whole place.</exception>
    public async Task<string> CheckAsync(RunWasteAnalysisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Viewer);
        if (request.Viewer.Kind != VisibilityKind.All)
        {
            throw new WasteRequestRefusedException("A waste analysis reads every partner's lines, published or not: only a reader who sees the whole place (an administrator or the board) may run it.", WasteRefusal.NotPlaceWide);
        }

        return await KnownPlaceAsync(store, request.PlaceCode, cancellationToken);
    }

    /// <summary>Runs the analysis and saves its findings.</summary>
    /// <param name="progress">Reports each phase and, while reading, the lines read so far, when given.</param>
    /// <exception cref="WasteRequestRefusedException">The place is unknown or the reader does not see the whole place.</exception>
    public async Task<WasteAnalysisResult> ExecuteAsync(RunWasteAnalysisRequest request, IProgress<WasteRunProgress>? progress, CancellationToken cancellationToken)
    {
        var placeCode = await CheckAsync(request, cancellationToken);
        var waste = store.Waste;
        var total = progress is null ? 0 : await waste.CountTransactionsAsync(placeCode, cancellationToken);
        progress?.Report(new WasteRunProgress(ReadingPhase, 0, 0, total));
        var lines = new List<PartnerTransaction>();
        await foreach (var line in waste.ReadTransactionsAsync(placeCode, cancellationToken))
        {
            lines.Add(line);
            if (progress is not null && lines.Count % ReportEvery == 0)
            {
                progress.Report(new WasteRunProgress(ReadingPhase, ReadShare * Math.Min(1, lines.Count / (double)Math.Max(1, total)), lines.Count, Math.Max(total, lines.Count)));
            }
        }

        total = lines.Count;
        void Phase(string phase, double fraction) => progress?.Report(new WasteRunProgress(phase, fraction, total, total));
        Phase("Resolving suppliers", ReadShare);
        var resolution = SupplierResolver.Resolve(lines, await waste.ListSupplierDecisionsAsync(placeCode, cancellationToken));
        Phase("Finding suppliers shared by partners", 0.40);
        var findings = new List<WasteFinding>();
        findings.AddRange(WasteFindings.FromSharedSuppliers(SharedSupplierAnalysis.Find(lines, resolution)));
        Phase("Finding duplicate payments", 0.60);
        findings.AddRange(WasteFindings.FromDuplicates(DuplicatePaymentDetector.Detect(lines, resolution)));
        Phase("Finding services bought twice and buildings to share", 0.85);
        findings.AddRange(WasteFindings.FromOverlaps(ServiceOverlapAnalysis.Find(lines, resolution)));
        var assets = await waste.ListAssetsAsync(placeCode, cancellationToken);
        findings.AddRange(WasteFindings.FromCoLocations(CoLocationFinder.Find(assets), AssetSpendLinker.Link(assets, lines)));
        Phase("Saving the findings", 0.97);
        // The store records the run on the audit trail under the ambient actor; a run that names its runner and has
        // no ambient actor (a background job not given one) records that name rather than "system".
        using (AuditActor.Current is null && !string.IsNullOrWhiteSpace(request.RunBy) ? AuditActor.Use(request.RunBy) : null)
        {
            await waste.SaveFindingsAsync(placeCode, findings, clock.GetUtcNow(), cancellationToken);
        }

        Phase("Done", 1);
        return new WasteAnalysisResult(placeCode, await waste.ListFindingsAsync(placeCode, cancellationToken), total);
    }

    /// <summary>The place's code as stored, or a refusal naming the code given.</summary>
    internal static async Task<string> KnownPlaceAsync(IPlaceStore store, string? placeCode, CancellationToken cancellationToken)
    {
        var code = placeCode is null ? "" : Place.NormaliseCode(placeCode);
        if (code.Length == 0)
        {
            throw new WasteRequestRefusedException("Give the place's GSS code.", WasteRefusal.Invalid);
        }

        if (!Place.IsGssCode(code) || await store.Places.FindPlaceAsync(code, cancellationToken) is null)
        {
            throw new WasteRequestRefusedException($"There is no place {placeCode!.Trim()} in the store; give the GSS code of a place whose spend has been imported (the dashboard lists them).", WasteRefusal.NotFound);
        }

        return code;
    }
}
