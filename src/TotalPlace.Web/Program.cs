using TotalPlace.Web.Api;
using TotalPlace.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
WebApplication app;
try
{
    builder.UseLoopbackByDefault();
    builder.AddPlaceStore();
    builder.AddTotalPlaceWeb();
    app = builder.Build();
}
catch (StartupRefusedException refused)
{
    // A configuration the app will not run with: one line and a nonzero exit, not a stack trace (exit 134).
    await Console.Error.WriteLineAsync($"error: {refused.Message.ReplaceLineEndings(" ")}");
    return StartupRefusedException.ExitCode;
}

app.UseTotalPlaceWeb();
app.MapOpenApi();
app.MapPlacesApi();
app.MapBatchesApi();
app.MapJobsApi();
app.MapAppraisalApi();
app.MapPartnershipApi();
app.MapTreemapApi();
app.MapOfferEditingApi();
app.MapProposalsApi();
app.MapRazorPages();
app.AnnounceAddress();
await app.RunAsync();
return 0;
