using System.Diagnostics.Metrics;
using CsBot.Application.Observability;
using CsBot.Core.Ports;
using CsBot.Host.Configuration;
using OpenTelemetry.Metrics;

namespace CsBot.Host.Startup;

/// <summary>
/// Metrics:Enabled: exports the instruments of <see cref="CsBotMetrics"/> with OpenTelemetry, scraped by Prometheus
/// on /metrics. Off, nothing is registered: no listener, no endpoint (404).
/// </summary>
public static class MetricsExport
{
    public static void AddMetricsExport(this IHostApplicationBuilder builder, MetricsExportOptions options)
    {
        if (!options.Enabled) return;
        builder.Services.AddSingleton(options);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(CsBotMetrics.MeterName).AddPrometheusExporter());
        // The gauges read this host's stores when scraped; the meter factory disposes their meter with the host.
        builder.Services.AddHostedService<StoreGauges>();
    }

    public static void MapMetricsExport(this WebApplication app)
    {
        if (app.Services.GetService<MetricsExportOptions>() is not { Enabled: true }) return;
        app.MapPrometheusScrapingEndpoint(MetricsExportOptions.Path);
    }

    /// <summary>Creates the store gauges at start-up, once the stores can be read.</summary>
    private sealed class StoreGauges(IMeterFactory meters, IOutboxStore outbox, IAlertStore alerts) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            CsBotMetrics.ObserveStores(meters, outbox, alerts);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
