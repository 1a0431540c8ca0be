using System.ComponentModel;

namespace TotalPlace.Web.Security;

/// <summary>Who the API takes the caller to be.</summary>
public sealed record CurrentUser(
    [property: Description("Local or Accounts.")] string Mode,
    [property: Description("The user name; null for the public.")] string? Name,
    [property: Description("Administrator, AgencyAnalyst or Board; null for the public, who read only what is published.")] string? Role,
    [property: Description("An agency analyst's place.")] string? Place,
    [property: Description("An agency analyst's agency.")] string? Agency);
