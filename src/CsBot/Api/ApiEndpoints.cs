using System.Text.Json;
using CsBot.Application.Ingestion;
using CsBot.Application.Ingestion.Reading;
using CsBot.Host.Configuration;
using Microsoft.Extensions.Options;

namespace CsBot.Host.Api;

/// <summary>The /api/v1 surface: ingestion and reads behind API keys, described at /openapi/v1.json.</summary>
public static class ApiEndpoints
{
    public static IServiceCollection AddCsBotApi(this IServiceCollection services, ApiOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new ApiKeyAuthenticator(options));
        services.AddSingleton<IngestionService>();
        services.AddSingleton<IngestAndRescoreService>();
        services.AddSingleton<PortfolioReader>();
        services.AddSingleton(sp => new JsonBatchReader(sp.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions, options.MaxBodyBytes));
        services.AddOpenApi();
        return services;
    }

    public static IEndpointRouteBuilder MapCsBotApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ApiKeyFilter>().WithTags("CsBot API v1");
        api.MapIngestionEndpoints();
        api.MapReadEndpoints();
        app.MapOpenApi();
        return app;
    }
}
