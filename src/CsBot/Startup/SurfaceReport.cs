namespace CsBot.Host.Startup;

/// <summary>Logs one line per <see cref="OpenSurface"/> when the host starts.</summary>
public sealed class SurfaceReport(IEnumerable<OpenSurface> surfaces, ILogger<SurfaceReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var surface in surfaces) logger.LogInformation("Open surface {Name}: {Protection}", surface.Name, surface.Protection);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
