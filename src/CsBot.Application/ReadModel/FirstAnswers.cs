using CsBot.Application.Digest;
using CsBot.Application.Time;
using CsBot.Core.Metrics;

namespace CsBot.Application.ReadModel;

/// <summary>
/// What the first questions after start-up ask of every account, worked out once the read model is loaded, in the
/// background: the name look-up, the day's list board and the key metrics the digest shows (last full month and the month before, which is
/// also what a metric question naming no period is answered for). At 100k accounts each is about a second of CPU, and
/// every asker that came first waited for it while the others queued behind them.
/// </summary>
public sealed class FirstAnswers(PortfolioView view, MetricsCalculator calculator, BusinessClock clock)
{
    /// <summary>Works them out on the calling thread, for the snapshots held now; stops between items when cancelled.</summary>
    public void WorkOut(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var portfolio = view.Portfolio;
        // The name look-up every question about an account goes through, half a second at 100k accounts.
        _ = portfolio.Matcher;
        view.Board(portfolio, view.Scores, view.Alerts, today);
        var month = MetricPeriod.Of(DigestMetricsSection.LastFullMonth(today), today);
        foreach (var metric in DigestMetricsSection.Metrics)
        {
            foreach (var period in new[] { month.Counted, month.Compared })
            {
                cancellationToken.ThrowIfCancellationRequested();
                portfolio.Metric(calculator, metric, period, segment: null);
            }
        }
    }
}
