using System.Security.Cryptography;
using CsBot.Application.Prediction;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Accounts;
using CsBot.Core.Ports;
using CsBot.Core.Prediction;
using CsBot.Core.Signals;
using CsBot.DemoData;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace CsBot.Application.Tests.Prediction;

/// <summary>
/// Training takes the portfolio from the read model when it is loaded (nothing read from the store), or else from the
/// store an id range at a time (never the whole portfolio in one read), and fits the same rows either way.
/// </summary>
public sealed class ChurnModelTrainingTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 14, 3, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<AccountSignals> Demo = DemoPortfolio.Generate(DateOnly.FromDateTime(Now.UtcDateTime), 300, usageDays: DemoPortfolio.FullHistoryUsageDays);
    private static readonly ChurnModelOptions Options = new() { MinimumChurnEvents = 10, MinimumAuc = 0.55 };

    [Fact]
    public void With_the_read_model_loaded_it_reads_nothing_from_the_store_and_fits_what_the_store_holds()
    {
        var store = new ReadRecordingPortfolio(Demo, accountsEach: 1_000_000);
        var (training, view) = Training(store);
        view.Load();
        store.Calls.Clear();

        var record = training.Train();

        Assert.Empty(store.Calls);
        Assert.True(record.Passed, record.Verdict);
        Assert.Equal(Fingerprint(ChurnModelFit.Snapshots(Demo, DateOnly.FromDateTime(Now.UtcDateTime), Options).All), record.Model);
    }

    [Fact]
    public void Without_the_read_model_it_reads_the_store_an_id_range_at_a_time_and_fits_the_same_rows()
    {
        var store = new ReadRecordingPortfolio(Demo, accountsEach: 30);
        var (training, view) = Training(store);

        var record = training.Train();

        Assert.False(view.IsLoaded);
        Assert.DoesNotContain(nameof(IPortfolioStore.LoadAllSignals), store.Calls);
        Assert.Equal($"{nameof(IPortfolioStore.CutIntoRanges)} {ChurnModelTraining.RangeSize}", store.Calls[0]);
        Assert.Equal(11, store.Calls.Count(c => c.StartsWith(nameof(IPortfolioStore.LoadSignalsIn), StringComparison.Ordinal)));
        Assert.True(store.LargestRange <= 30, $"a range of {store.LargestRange} accounts");
        Assert.True(record.Passed, record.Verdict);
        Assert.Equal(Fingerprint(ChurnModelFit.Snapshots(Demo, DateOnly.FromDateTime(Now.UtcDateTime), Options).All), record.Model);
    }

    [Fact]
    public void Above_the_accounts_limit_it_fits_the_rows_of_the_sampled_accounts_only()
    {
        var options = new ChurnModelOptions { MinimumChurnEvents = 1, MinimumAuc = 0.5, MaxTrainingAccounts = 150 };
        var store = new ReadRecordingPortfolio(Demo, accountsEach: 1_000_000);
        var (training, view) = Training(store, options);
        view.Load();

        var record = training.Train();

        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var sampled = ChurnTrainingSample.For(Demo.Count, options).Of(Demo).ToList();
        Assert.InRange(sampled.Count, 100, 200);
        Assert.True(record.Snapshots < ChurnModelFit.Snapshots(Demo, today, options).Count, record.Verdict);
        Assert.Equal(Fingerprint(ChurnModelFit.Snapshots(sampled, today, options).All), record.Model);
    }

    private static (ChurnModelTraining Training, PortfolioView View) Training(IPortfolioStore store, ChurnModelOptions? options = null)
    {
        options ??= Options;
        var clock = new BusinessClock(new FakeTimeProvider(Now), TimeZoneInfo.Utc);
        var unscored = new InMemoryStores();
        var view = new PortfolioView(store, unscored, unscored, new DataVersions());
        var models = Substitute.For<IChurnModelStore>();
        var learner = new FingerprintLearner();
        return (new ChurnModelTraining(store, view, models, learner, new ChurnPredictions(models, learner, options, clock), options, clock,
            NullLogger<ChurnModelTraining>.Instance), view);
    }

    /// <summary>Every row's account, day, label and features, in order: equal only for the same rows fitted in the same order.</summary>
    private static byte[] Fingerprint(ChurnRows rows)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
            for (var i = 0; i < rows.Count; i++)
            {
                writer.Write(rows.AccountId(i));
                writer.Write(rows.Day(i).DayNumber);
                writer.Write(rows.Label(i));
                foreach (var value in rows.Features(i)) writer.Write(value);
            }
        return SHA256.HashData(bytes.ToArray());
    }

    /// <summary>A learner whose model is the fingerprint of the rows it was given, scoring by low seat utilisation.</summary>
    private sealed class FingerprintLearner : IChurnLearner
    {
        public byte[] Fit(ChurnRows rows) => Fingerprint(rows);

        public IChurnScorer Load(byte[] model)
        {
            var scorer = Substitute.For<IChurnScorer>();
            scorer.Probability(Arg.Any<float[]>()).Returns(call => call.Arg<float[]>() is var f && float.IsNaN(f[0]) ? 0.5 : 1.0 - f[0]);
            return scorer;
        }
    }

    /// <summary>A portfolio store that cuts its ids every <paramref name="accountsEach"/> accounts and records every read.</summary>
    private sealed class ReadRecordingPortfolio(IReadOnlyList<AccountSignals> portfolio, int accountsEach) : IPortfolioStore
    {
        private readonly AccountSignals[] _byId = [.. portfolio.OrderBy(s => s.Account.Id, StringComparer.Ordinal)];

        public List<string> Calls { get; } = [];
        public int LargestRange { get; private set; }

        private T Read<T>(string call, T result)
        {
            lock (Calls) Calls.Add(call);
            return result;
        }

        public bool IsEmpty() => _byId.Length == 0;
        public IReadOnlyList<Account> GetAccounts() => Read(nameof(GetAccounts), _byId.Select(s => s.Account).ToArray());
        public Account? GetAccount(string accountId) => Read(nameof(GetAccount), _byId.FirstOrDefault(s => s.Account.Id == accountId)?.Account);
        public AccountSignals? LoadSignals(string accountId) => Read(nameof(LoadSignals), _byId.FirstOrDefault(s => s.Account.Id == accountId));
        public Account? FindByExternalId(string externalId) => Read(nameof(FindByExternalId), _byId.FirstOrDefault(s => s.Account.ExternalId == externalId)?.Account);
        public void Save(IReadOnlyCollection<AccountSignals> saved) => throw new NotSupportedException();
        public IEnumerable<AccountSignals> LoadAllSignals() => Read(nameof(LoadAllSignals), _byId);

        public IReadOnlyList<AccountIdRange> CutIntoRanges(int requested) =>
            Read($"{nameof(CutIntoRanges)} {requested}", AccountIdRange.Between([.. _byId.Select(s => s.Account.Id).Where((_, i) => (i + 1) % accountsEach == 0)]));

        public IEnumerable<AccountSignals> LoadSignalsIn(AccountIdRange range)
        {
            var read = _byId.Where(s => range.Contains(s.Account.Id)).ToArray();
            LargestRange = Math.Max(LargestRange, read.Length);
            return Read($"{nameof(LoadSignalsIn)} {range}", read);
        }
    }
}
