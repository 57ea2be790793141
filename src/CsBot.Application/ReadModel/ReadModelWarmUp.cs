using CsBot.Application.Observability;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.ReadModel;

/// <summary>
/// Reads the read model once at start-up, in the background: start-up does not wait for it (a large store takes
/// seconds to read), and the first question does not pay for it unless it comes before the read is done. When it was
/// read, it works out the <see cref="FirstAnswers"/>, so the first askers do not each wait for them, and gives back the
/// memory the read left behind (<see cref="MemoryAfterBulkWork"/>); then, or as soon as the read failed, it says so in
/// <see cref="ReadModelWarmth"/>, which the other start-up work waits for.
/// </summary>
public sealed class ReadModelWarmUp(PortfolioView view, ReadModelWarmth warmth, FirstAnswers firstAnswers, MemoryAfterBulkWork memory, ILogger<ReadModelWarmUp> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
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
                warmth.Finished();
                return;
            }
            try
            {
                WorkOutFirstAnswers();
            }
            finally
            {
                // Only now may the start-up evaluation and training begin: beside them the first answers' metrics
                // took 31 s at 100k instead of 15 s, and the first askers waited on them with both cores taken.
                warmth.Finished();
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    private void WorkOutFirstAnswers()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            firstAnswers.WorkOut(_stopping.Token);
            logger.LogInformation("First answers worked out in {Ms:0} ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The host is stopping: nobody will ask.
        }
        catch (Exception ex)
        {
            // Each is worked out again by the first question that needs it.
            logger.LogError(ex, "Working out the first answers after the read model's warm-up failed");
        }
        memory.Return("the read model's warm-up");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_loading is { } loading) await loading.WaitAsync(cancellationToken);
    }
}
