using CsBot.Host.Configuration;

namespace CsBot.Host.Api;

/// <summary>
/// Guards /api/v1: a missing or unknown key gets 401, a read-only key writing gets 403, and with no key configured
/// every call gets 401 saying how to configure one (closed by default).
/// </summary>
public sealed class ApiKeyFilter(ApiKeyAuthenticator keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (keys.Count == 0)
            return Unauthorized(http, "The API is closed: no API key is configured",
                "Add a key under Api:Keys, e.g. Api__Keys__0__Name=crm-sync, Api__Keys__0__KeyHash=<sha256 hex of the key>, Api__Keys__0__Access=ReadWrite (see appsettings.example.json), then send it as 'Authorization: Bearer <key>'.");

        var key = keys.Authenticate(http.Request.Headers.Authorization);
        if (key is null)
            return Unauthorized(http, "Missing or unknown API key", "Send a configured key as 'Authorization: Bearer <key>'.");

        var writes = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
        if (writes && key.Value.Access != ApiAccess.ReadWrite)
            return Results.Problem(title: "This key is read-only",
                detail: $"The key '{key.Value.Name}' may only read; use a key with Access ReadWrite to send data.",
                statusCode: StatusCodes.Status403Forbidden);
        return await next(context);
    }

    private static IResult Unauthorized(HttpContext http, string title, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status401Unauthorized);
    }
}
