namespace TotalPlace.Web.Security;

/// <summary>How the web app knows who is asking (configuration key <c>Auth:Mode</c>).</summary>
public enum AuthMode
{
    /// <summary>The default, for one person on their own machine: every request is the local administrator. The app
    /// refuses to start in this mode when it listens on anything but loopback.</summary>
    Local,

    /// <summary>A partnership server: people sign in with accounts kept in the store; anyone not signed in reads
    /// only what the partnership has published.</summary>
    Accounts,
}
