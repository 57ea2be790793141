using CsBot.Core.Alerts;
using CsBot.Core.Scoring;

namespace CsBot.Storage.LiteDb.Tests;

public sealed class ContextTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Reopening_the_file_keeps_all_data()
    {
        var portfolio = TestData.FullSignals("acc-001");
        var score = TestData.Score("acc-001", TestData.Today, 64);
        var alert = TestData.Alert("acc-001", "usage-cliff");
        using (var context = _db.Open())
        {
            new LiteDbPortfolioStore(context).Save([portfolio]);
            new LiteDbScoreStore(context).SaveScores([score]);
            new LiteDbAlertStore(context).Upsert([alert]);
        }

        using var reopened = _db.Open();
        Asserts.SameSignals(portfolio, new LiteDbPortfolioStore(reopened).LoadSignals("acc-001"));
        Asserts.SameScore(score, new LiteDbScoreStore(reopened).GetLatest("acc-001"));
        Assert.Equal([new ScorePoint(TestData.Today, 64)], new LiteDbScoreStore(reopened).GetHistory("acc-001"));
        Asserts.SameAlert(alert, new LiteDbAlertStore(reopened).Get(alert.Id));
    }

    [Fact]
    public void A_write_larger_than_LiteDBs_default_log_stays_in_the_log_until_the_file_is_closed()
    {
        // Each account's data with 180 days of usage takes about half a page: 3,000 of them pass LiteDB's default of 1,000
        // pages, after which a commit copies the log into the data file and empties the page cache.
        var portfolio = Enumerable.Range(0, 3_000).Select(i => TestData.FullSignals($"acc-{i:D4}")).ToArray();
        var log = Path.Combine(Path.GetDirectoryName(_db.DatabasePath)!, "csbot-log.db");
        using (var context = _db.Open())
        {
            new LiteDbPortfolioStore(context).Save(portfolio);
            new LiteDbPortfolioStore(context).Save([TestData.FullSignals("acc-last")]);

            Assert.True(new FileInfo(log).Length > 1_000 * 8_192, $"The log holds {new FileInfo(log).Length:N0} bytes: the commit checkpointed it.");
            Asserts.SameSignals(portfolio[^1], new LiteDbPortfolioStore(context).LoadSignals(portfolio[^1].Account.Id));
        }

        Assert.True(!File.Exists(log) || new FileInfo(log).Length == 0, "Closing the file leaves its log behind.");
        using var reopened = _db.Open();
        Assert.Equal(3_001, new LiteDbPortfolioStore(reopened).GetAccounts().Count);
        Asserts.SameSignals(portfolio[0], new LiteDbPortfolioStore(reopened).LoadSignals(portfolio[0].Account.Id));
    }

    [Fact]
    public void A_disposed_context_refuses_use()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        context.Dispose();
        context.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.IsEmpty());
    }

    [Fact]
    public async Task Concurrent_reads_and_writes_from_several_threads_do_not_throw()
    {
        using var context = _db.Open();
        var portfolio = new LiteDbPortfolioStore(context);
        var scores = new LiteDbScoreStore(context);
        var alerts = new LiteDbAlertStore(context);
        const int accounts = 40;
        const int rounds = 25;
        portfolio.Save([.. Enumerable.Range(0, accounts).Select(i => TestData.FullSignals($"acc-{i:D3}", usageDays: 60))]);

        var workers = new List<Task>();
        for (var w = 0; w < 4; w++)
        {
            var worker = w;
            workers.Add(Task.Factory.StartNew(() =>
            {
                for (var r = 0; r < rounds; r++)
                {
                    var id = $"acc-{(worker * 7 + r) % accounts:D3}";
                    var signals = TestData.FullSignals(id, usageDays: 30 + r);
                    portfolio.Save([signals with { Account = signals.Account with { Name = $"w{worker} r{r}" } }]);
                    scores.SaveScores([TestData.Score(id, TestData.Today.AddDays(-r % 5), 40 + r)]);
                    alerts.Upsert([TestData.Alert(id, $"rule-{worker}", r % 2 == 0 ? AlertState.Firing : AlertState.Resolved)]);
                }
            }, TaskCreationOptions.LongRunning));
        }
        for (var w = 0; w < 4; w++)
        {
            workers.Add(Task.Factory.StartNew(() =>
            {
                for (var r = 0; r < rounds; r++)
                {
                    var all = portfolio.LoadAllSignals().ToList();
                    Assert.Equal(accounts, all.Count);
                    // Each account is read whole: its name was written with the usage length it belongs to.
                    Assert.All(all, s => Assert.Equal(s.Account.Name.StartsWith('w') ? 30 + int.Parse(s.Account.Name.Split(" r")[1]) : 60, s.Usage.Length));
                    Assert.NotNull(portfolio.LoadSignals("acc-001"));
                    _ = scores.GetAllLatest();
                    _ = scores.GetAllHistories();
                    _ = alerts.GetOpen();
                    _ = alerts.GetForAccount("acc-002");
                }
            }, TaskCreationOptions.LongRunning));
        }

        await Task.WhenAll(workers);

        Assert.Equal(accounts, portfolio.GetAccounts().Count);
        Assert.All(scores.GetAllHistories().Values, h => Assert.True(h.Length <= 5 && h.Zip(h.Skip(1)).All(p => p.First.Date < p.Second.Date)));
        // Each worker raised its own rule on 25 different accounts: one alert per (account, rule), never duplicated.
        Assert.Equal(4 * rounds, context.Database.GetCollection(LiteDbContext.Alerts).Count());
    }
}
