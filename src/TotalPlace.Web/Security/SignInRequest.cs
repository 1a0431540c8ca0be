using System.ComponentModel;

namespace TotalPlace.Web.Security;

/// <summary>A user name and password, exchanged for a bearer token.</summary>
public sealed record SignInRequest(
    [property: Description("The account's user name.")] string UserName,
    [property: Description("The account's password.")] string Password);
