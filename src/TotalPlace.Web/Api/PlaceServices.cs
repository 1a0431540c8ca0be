using TotalPlace.Storage;
using TotalPlace.Web.Dashboard;

namespace TotalPlace.Web.Api;

/// <summary>The services the place endpoints use, bound with [AsParameters] (eShop's CatalogServices).</summary>
public sealed record PlaceServices(IPlaceStore Store, DashboardService Dashboard);
