using CsBot.Host.Configuration;

namespace CsBot.Host.Api;

/// <summary>The /api/v1 surface: ingestion and reads behind API keys, described at /openapi/v1.json.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var maxBodyBytes = app.ServiceProvider.GetRequiredService<ApiOptions>().MaxBodyBytes;
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ApiKeyFilter>().WithTags("CsBot API v1")
            .WithMetadata(new RequestBodyLimit(maxBodyBytes));
        api.MapIngestionEndpoints();
        api.MapReadEndpoints();
        app.MapOpenApi();
        return app;
    }
}
