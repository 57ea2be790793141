using System.Net;

namespace CsBot.Chat.Local;

/// <summary>
/// The guard of the local surfaces (/api/local and the playground): clients on other machines get 403 naming the
/// setting, unless LocalChat:AllowRemote opens them. A connection without a remote address (in-process test server,
/// Unix socket) is local by construction and allowed.
/// </summary>
public static class LocalOnlyFilter
{
    /// <summary>Adds the guard to every endpoint of <paramref name="builder"/> (a route group, usually).</summary>
    public static TBuilder LocalOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            if (context.ApplicationServices.GetRequiredService<LocalChatOptions>().AllowRemote) return next;
            return invocation =>
            {
                var remote = invocation.HttpContext.Connection.RemoteIpAddress;
                if (remote is null || IPAddress.IsLoopback(remote)) return next(invocation);
                return ValueTask.FromResult<object?>(Results.Problem(
                    title: "Local only",
                    detail: $"{invocation.HttpContext.Request.Path} answers clients on this machine only. To open it to the network, set LocalChat:AllowRemote=true (and protect it yourself).",
                    statusCode: StatusCodes.Status403Forbidden));
            };
        });
}
