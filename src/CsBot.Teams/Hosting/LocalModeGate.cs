using System.Net;
using Microsoft.AspNetCore.Http;

namespace CsBot.Teams.Hosting;

/// <summary>
/// Without credentials the Bot Framework checks no token at all, so in local mode /api/messages answers only this
/// machine (the Emulator) unless Teams:AllowRemoteLocalMode says otherwise. With credentials it does nothing: the
/// adapter rejects requests without a valid token (401). A reverse proxy or tunnel on this machine connects from
/// loopback, so a request carrying a forwarding header counts as remote too.
/// </summary>
public sealed class LocalModeGate(TeamsOptions options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!options.HasCredentials && !options.AllowRemoteLocalMode && (!IsLoopback(http.Connection.RemoteIpAddress) || Relayed(http.Request)))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Teams local mode answers this machine only",
                detail: "Set Teams:MicrosoftAppId and Teams:MicrosoftAppPassword to accept Teams, or Teams:AllowRemoteLocalMode=true to let other machines use the unauthenticated local mode.");
        }
        return await next(context);
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);

    private static readonly HashSet<string> ForwardingHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Server", "X-Real-IP",
        "X-Original-For", "Via", "CF-Connecting-IP", "True-Client-IP",
    };

    private static bool Relayed(HttpRequest request) => request.Headers.Keys.Any(ForwardingHeaders.Contains);
}
