using CsBot.Core.Ports;
using CsBot.Storage.LiteDb;

namespace CsBot.Storage.Contract.Tests.Infrastructure;

/// <summary>The LiteDB stores over a real file in a temp folder of their own, deleted on dispose.</summary>
public sealed class LiteDbStores : Stores
{
    private readonly string? _folder;
    private readonly LiteDbContext _context;
    private readonly bool _owner;

    private LiteDbStores(LiteDbContext context, string? folder, bool owner)
    {
        _context = context;
        _folder = folder;
        _owner = owner;
        Portfolio = new LiteDbPortfolioStore(context);
        Scores = new LiteDbScoreStore(context);
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

    public static Task<Stores> OpenAsync()
    {
        var folder = Directory.CreateTempSubdirectory("csbot-contract-").FullName;
        return Task.FromResult<Stores>(new LiteDbStores(new LiteDbContext(Path.Combine(folder, "csbot.db")), folder, owner: true));
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

    public override Stores OpenAnother() => new LiteDbStores(_context, null, owner: false);

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
