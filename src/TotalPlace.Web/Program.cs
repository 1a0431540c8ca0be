using TotalPlace.Web.Api;
using TotalPlace.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseLoopbackByDefault();
builder.AddPlaceStore();
builder.AddTotalPlaceWeb();

var app = builder.Build();
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
