using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.ReadModel;

/// <summary>
/// Reads the read model once at start-up, in the background: start-up does not wait for it (a large store takes
/// seconds to read), and the first question does not pay for it unless it comes before the read is done. When it is
/// over, read or failed, it says so in <see cref="ReadModelWarmth"/>, which the other start-up reads wait for.
/// </summary>
public sealed class ReadModelWarmUp(PortfolioView view, ReadModelWarmth warmth, ILogger<ReadModelWarmUp> logger) : IHostedService
{
    private Task? _loading;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loading = Task.Run(() =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                view.Load();
                logger.LogInformation("Read model loaded in {Ms:0} ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception ex)
            {
                // The first question reads it again; a store that cannot be read shows in the health check.
                logger.LogError(ex, "Loading the read model at start-up failed");
            }
            finally
            {
                warmth.Finished();
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _loading ?? Task.CompletedTask;
}
