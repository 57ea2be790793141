using System.Net;

namespace CsBot.Chat.Local;

/// <summary>
/// The guard of the local surfaces (/api/local, the playground, the outbox and digest previews). Unless
/// LocalChat:AllowRemote opens them, a request is served only when all of these hold, and gets 403 naming the
/// setting otherwise:
/// <list type="bullet">
/// <item>the connection comes from this machine (a connection without a remote address, an in-process test server
/// or a Unix socket, is local by construction);</item>
/// <item>it carries no forwarding header: a reverse proxy or tunnel on this machine connects from loopback, so the
/// socket address alone would open the local surfaces to whoever reaches the proxy;</item>
/// <item>its Host header names this machine (localhost, a loopback address, or a name in LocalChat:AllowedHosts),
/// so a web page whose domain is re-pointed at 127.0.0.1 (DNS rebinding) cannot read the local data.</item>
/// </list>
/// With AllowRemote on, the Host header is still checked when LocalChat:AllowedHosts lists names.
/// </summary>
public static class LocalOnlyFilter
{
    /// <summary>Headers proxies and tunnels add (nginx, Caddy, Apache, IIS ARR, Cloudflare, ngrok); browsers never send them.</summary>
    public static readonly IReadOnlyList<string> ForwardingHeaders =
        ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Server", "X-Real-IP", "X-Original-For", "Via", "CF-Connecting-IP", "True-Client-IP"];

    /// <summary>Adds the guard to every endpoint of <paramref name="builder"/> (a route group, usually).</summary>
    public static TBuilder LocalOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var options = context.ApplicationServices.GetRequiredService<LocalChatOptions>();
            if (options.AllowRemote && options.AllowedHosts.Count == 0) return next;
            return invocation =>
            {
                var refusal = Refusal(invocation.HttpContext.Request, invocation.HttpContext.Connection.RemoteIpAddress, options);
                return refusal is null
                    ? next(invocation)
                    : ValueTask.FromResult<object?>(Results.Problem(title: "Local only", detail: refusal, statusCode: StatusCodes.Status403Forbidden));
            };
        });

    /// <summary>Why <paramref name="request"/> may not use a local surface, or null when it may.</summary>
    public static string? Refusal(HttpRequest request, IPAddress? remote, LocalChatOptions options)
    {
        var path = request.Path;
        if (!options.AllowRemote)
        {
            if (remote is not null && !IPAddress.IsLoopback(remote))
                return $"{path} answers clients on this machine only. To open it to the network, set LocalChat:AllowRemote=true (and protect it yourself).";
            if (ForwardingHeaders.FirstOrDefault(request.Headers.ContainsKey) is { } header)
                return $"{path} answers clients on this machine only, and this request came through a proxy or tunnel ({header} header). To serve it through the proxy, set LocalChat:AllowRemote=true (and protect it yourself).";
        }
        var host = request.Host.Host;
        if (!IsThisMachine(host, options))
            return $"{path} answers requests addressed to this machine only (localhost, 127.0.0.1 or [::1]), not to \"{Cut(request.Host.Value)}\". To use another name, add it to LocalChat:AllowedHosts.";
        return null;
    }

    private static bool IsThisMachine(string host, LocalChatOptions options)
    {
        if (options.AllowedHosts.Any(h => string.Equals(h, host, StringComparison.OrdinalIgnoreCase))) return true;
        // With AllowRemote and a list, only the list; without AllowRemote, this machine's own names too.
        if (options.AllowRemote) return false;
        // A request without a Host (HTTP/1.0) cannot come from a browser page, so rebinding is no concern.
        if (host.Length == 0 || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    // The Host header is the client's text; it is echoed only short.
    private static string Cut(string? text) => text is null ? "" : text.Length <= 100 ? text : text[..100] + "…";
}
