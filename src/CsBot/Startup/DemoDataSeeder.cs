using CsBot.Application.Evaluation;
using CsBot.Application.Time;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.DemoData;
using CsBot.Host.Configuration;

namespace CsBot.Host.Startup;

/// <summary>
/// Fills an empty store with the demo portfolio and back-fills its daily score history, so a first run has
/// trends, drops and alerts to show. Runs before the scheduler starts; a store with data is left untouched.
/// </summary>
public sealed class DemoDataSeeder(
    IPortfolioStore portfolio,
    IScoreStore scores,
    PortfolioScoring scoring,
    BusinessClock clock,
    DemoOptions options,
    ILogger<DemoDataSeeder> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            logger.LogInformation("Demo data is disabled (Demo:Enabled=false)");
            return Task.CompletedTask;
        }
        if (!portfolio.IsEmpty())
        {
            logger.LogInformation("Store already has accounts; demo data not loaded");
            return Task.CompletedTask;
        }

        var today = clock.Today;
        logger.LogInformation("Loading demo portfolio: {Count} accounts with {UsageDays} days of usage up to {Today}", options.AccountCount, options.UsageDays, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var demo = DemoPortfolio.Generate(today, options.AccountCount, options.Seed, options.UsageDays);
        portfolio.Save([.. demo]);
        logger.LogInformation("Demo portfolio saved: {Count} accounts", demo.Count);

        var histories = new Dictionary<string, ScorePoint[]>(demo.Count);
        var step = Math.Max(1, demo.Count / 4);
        for (var i = 0; i < demo.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            histories[demo[i].Account.Id] = scoring.Backfill(demo[i], today, options.HistoryDays);
            if ((i + 1) % step == 0 || i + 1 == demo.Count)
                logger.LogInformation("Back-filling score history: {Done}/{Total} accounts", i + 1, demo.Count);
        }
        scores.SaveHistories(histories);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
