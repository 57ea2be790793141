using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CsBot.Slack.Inbound;

/// <summary>
/// Work that must happen after Slack has had its answer: Slack wants a reply within 3 seconds and retries events it
/// thinks were lost, so endpoints acknowledge at once and queue the answering here. Bounded, so a flood cannot
/// exhaust memory; a full queue is logged and the item dropped rather than blocking Slack.
/// </summary>
public sealed class SlackWorkQueue(ILogger<SlackWorkQueue> logger)
{
    public const int Capacity = 1000;

    private readonly Channel<(string What, Func<CancellationToken, Task> Work)> _channel =
        Channel.CreateBounded<(string, Func<CancellationToken, Task>)>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    internal ChannelReader<(string What, Func<CancellationToken, Task> Work)> Reader => _channel.Reader;

    public bool Enqueue(string what, Func<CancellationToken, Task> work)
    {
        if (_channel.Writer.TryWrite((what, work))) return true;
        logger.LogError("Slack work queue is full ({Capacity} items); dropped: {What}", Capacity, what);
        return false;
    }
}

/// <summary>Runs queued Slack work, a few items at a time so one slow answer does not hold up the rest.</summary>
public sealed class SlackWorkQueueService(SlackWorkQueue queue, ILogger<SlackWorkQueueService> logger) : BackgroundService
{
    public const int Parallelism = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(Parallelism);
        var running = new List<Task>();
        try
        {
            await foreach (var (what, work) in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await work(stoppingToken);
                    }
                    catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                    {
                        logger.LogInformation("Stopped during: {What}", what);
                    }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "Slack work failed: {What}", what);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(running);
    }
}
