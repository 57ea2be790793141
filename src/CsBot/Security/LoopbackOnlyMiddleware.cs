using System.Net;

namespace CsBot.Host.Security;

/// <summary>
/// Closes a path prefix to clients on other machines unless configuration opens it. A connection without a remote
/// address (in-process test server, Unix socket) is local by construction and allowed.
/// </summary>
public static class LoopbackOnlyMiddleware
{
    public static IApplicationBuilder UseLoopbackOnly(this IApplicationBuilder app, PathString prefix, bool allowRemote, string settingKey) =>
        app.UseLoopbackOnly(path => path.StartsWithSegments(prefix), prefix.Value ?? "/", allowRemote, settingKey);

    /// <summary>Closes the paths <paramref name="applies"/> picks; <paramref name="what"/> names them in the refusal.</summary>
    public static IApplicationBuilder UseLoopbackOnly(this IApplicationBuilder app, Func<PathString, bool> applies, string what, bool allowRemote, string settingKey)
    {
        if (allowRemote) return app;
        return app.Use(async (context, next) =>
        {
            var remote = context.Connection.RemoteIpAddress;
            if (applies(context.Request.Path) && remote is not null && !IPAddress.IsLoopback(remote))
            {
                await Results.Problem(
                    title: "Local only",
                    detail: $"{what} answers clients on this machine only. To open it to the network, set {settingKey}=true (and protect it yourself).",
                    statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }
}
