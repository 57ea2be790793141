using CsBot.Application.ReadModel;
using CsBot.Storage.PostgreSql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CsBot.Host.Startup;

/// <summary>
/// On a PostgreSQL store shared by several CsBots: every <see cref="Interval"/>, takes the writes the other instances
/// recorded (<see cref="DataChangeFeed"/>) and logs them in this instance's <see cref="DataVersions"/>, so its cached
/// answers patch those accounts on their next read, as they do after its own writes.
/// </summary>
public sealed class SharedReadModelRefresh(DataChangeFeed feed, DataVersions versions, ILogger<SharedReadModelRefresh> logger) : BackgroundService
{
    /// <summary>How often the change log is read: a write elsewhere shows here within about this long.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wall-clock polling of another process's writes: real time, whatever clock the product logic runs on.
        using var timer = new PeriodicTimer(Interval);
        var failing = false;
        do
        {
            try
            {
                foreach (var change in await Task.Run(feed.Poll, stoppingToken)) Apply(change);
                if (failing) logger.LogInformation("Reading other instances' changes works again.");
                failing = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is unreachable for now: answers stay as they are, and the next poll tries again.
                if (!failing) logger.LogWarning(ex, "Cannot read other instances' changes; answers may lag their writes until the database answers.");
                failing = true;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private void Apply(DataChange change)
    {
        switch (change.Kind)
        {
            case DataChangeKind.Portfolio: versions.PortfolioChanged(change.AccountIds); break;
            case DataChangeKind.Scores: versions.ScoresChanged(change.AccountIds); break;
            case DataChangeKind.Alerts: versions.AlertsChanged(change.AccountIds); break;
        }
    }
}
