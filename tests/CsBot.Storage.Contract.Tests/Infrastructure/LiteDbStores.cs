using CsBot.Core.Ports;
using CsBot.Storage.LiteDb;

namespace CsBot.Storage.Contract.Tests.Infrastructure;

/// <summary>The LiteDB stores over a real file in a temp folder of their own, deleted on dispose.</summary>
public sealed class LiteDbStores : Stores
{
    private readonly string? _folder;
    private readonly LiteDbContext _context;
    private readonly bool _owner;
    private readonly bool _recentScoreSaves;

    private LiteDbStores(LiteDbContext context, string? folder, bool owner, bool recentScoreSaves)
    {
        _context = context;
        _folder = folder;
        _owner = owner;
        _recentScoreSaves = recentScoreSaves;
        Portfolio = new LiteDbPortfolioStore(context);
        Scores = recentScoreSaves ? new RecentScoreSaves(new LiteDbScoreStore(context)) : new LiteDbScoreStore(context);
        Alerts = new LiteDbAlertStore(context);
        Reminders = new LiteDbReminderLedger(context);
        Conversations = new LiteDbConversationStore(context);
        Outbox = new LiteDbOutbox(context, Time);
        ChurnModels = new LiteDbChurnModelStore(context);
        DigestSlots = new LiteDbDigestSlotLedger(context);
        Digests = new LiteDbDigestSubscriptions(context);
        InboundEvents = new LiteDbInboundEventLog(context);
        Contexts = new LiteDbConversationContexts(context, Time);
    }

    /// <param name="recentScoreSaves">Every score save made as recent (<see cref="IScoreStore.SaveRecentScores"/>), which must read back as a whole save.</param>
    public static Task<Stores> OpenAsync(bool recentScoreSaves = false)
    {
        var folder = Directory.CreateTempSubdirectory("csbot-contract-").FullName;
        return Task.FromResult<Stores>(new LiteDbStores(new LiteDbContext(Path.Combine(folder, "csbot.db")), folder, owner: true, recentScoreSaves));
    }

    public override IPortfolioStore Portfolio { get; }
    public override IScoreStore Scores { get; }
    public override IAlertStore Alerts { get; }
    public override IReminderLedger Reminders { get; }
    public override IConversationStore Conversations { get; }
    public override IOutboxStore Outbox { get; }
    public override IDigestSubscriptions Digests { get; }
    public override IChurnModelStore ChurnModels { get; }
    public override IDigestSlotLedger DigestSlots { get; }
    public override IInboundEventLog InboundEvents { get; }
    public override IConversationContexts Contexts { get; }

    public override Stores OpenAnother() => new LiteDbStores(_context, null, owner: false, _recentScoreSaves);

    /// <summary>The score store with every save made as recent (journaled), every read as it is.</summary>
    private sealed class RecentScoreSaves(IScoreStore inner) : IScoreStore
    {
        public int SaveScores(IReadOnlyCollection<Core.Scoring.HealthScore> scores) => inner.SaveRecentScores(scores);
        public void SaveHistories(IReadOnlyDictionary<string, Core.Scoring.ScorePoint[]> histories) => inner.SaveHistories(histories);
        public Core.Scoring.HealthScore? GetLatest(string accountId) => inner.GetLatest(accountId);
        public IReadOnlyDictionary<string, Core.Scoring.HealthScore> GetAllLatest() => inner.GetAllLatest();
        public Core.Scoring.ScorePoint[] GetHistory(string accountId) => inner.GetHistory(accountId);
        public IReadOnlyDictionary<string, Core.Scoring.ScorePoint[]> GetAllHistories() => inner.GetAllHistories();
        public IReadOnlyDictionary<string, Core.Scoring.ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds) => inner.GetHistories(accountIds);
    }

    public override ValueTask DisposeAsync()
    {
        if (!_owner) return ValueTask.CompletedTask;
        _context.Dispose();
        try
        {
            Directory.Delete(_folder!, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
        return ValueTask.CompletedTask;
    }
}
