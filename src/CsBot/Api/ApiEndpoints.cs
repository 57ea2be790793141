namespace CsBot.Host.Api;

/// <summary>The /api/v1 surface: ingestion and reads behind API keys, described at /openapi/v1.json.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ApiKeyFilter>().WithTags("CsBot API v1");
        api.MapIngestionEndpoints();
        api.MapReadEndpoints();
        app.MapOpenApi();
        return app;
    }
}
