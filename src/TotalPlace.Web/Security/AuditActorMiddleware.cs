using TotalPlace.Storage.Audit;
using TotalPlace.Web.Api;

namespace TotalPlace.Web.Security;

/// <summary>Names the audit trail's actor for every request: the signed-in user's name (so every change the request
/// makes is recorded as theirs), or "anonymous" for a request nobody signed in to. Also maps the audit API.</summary>
/// <remarks>Runs after authentication. Work a request hands to a background job does not carry the scope with it
/// (the job runs on the queue's own flow): such work should capture <see cref="AuditActor.Current"/> when queued and
/// run under <see cref="AuditActor.Use"/>; otherwise the store falls back to the name in the batch header, then to
/// "system".</remarks>
public static class AuditActorMiddleware
{
    /// <summary>The actor recorded for a request with no signed-in user.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Adds the actor scope to the pipeline and maps <c>GET /api/audit</c>.</summary>
    public static WebApplication UseAuditTrail(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var name = context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } signedIn } ? signedIn : Anonymous;
            using (AuditActor.Use(name))
            {
                await next(context);
            }
        });
        app.MapAuditApi();
        return app;
    }
}
