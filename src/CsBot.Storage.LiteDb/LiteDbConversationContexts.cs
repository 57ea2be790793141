using CsBot.Core.Conversations;
using CsBot.Core.Ports;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Each conversation's last question in "conversation_contexts": one document per (platform, conversation, person),
/// replaced by the next question, so a look-up is one read by id. Expiry is read against the injected clock; expired
/// documents are purged at most every <see cref="PurgeInterval"/>, and past <see cref="MaxContexts"/> the ones that
/// expire soonest go first, so the collection stays small however many people talk to CsBot.
/// </summary>
public sealed class LiteDbConversationContexts : IConversationContexts
{
    internal const string CollectionName = "conversation_contexts";

    public static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);

    /// <summary>Most contexts kept; far more than people who talk to CsBot within one memory window.</summary>
    public const int MaxContexts = 50_000;

    private readonly LiteDbContext _context;
    private readonly TimeProvider _time;
    private readonly Lock _purgeGate = new();
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    public LiteDbConversationContexts(LiteDbContext context, TimeProvider time)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _context.Database.GetCollection(CollectionName).EnsureIndex("expires", "$.ExpiresTicks");
    }

    private ILiteCollection<ConversationContextDocument> Contexts => _context.Collection<ConversationContextDocument>(CollectionName);

    public ConversationContext? Find(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var document = Contexts.FindById(Id(key));
        return document is null || document.ExpiresTicks <= _time.GetUtcNow().UtcTicks ? null : document.ToContext();
    }

    public void Save(string key, ConversationContext context, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(context);
        Contexts.Upsert(ConversationContextDocument.From(Id(key), context, expiresAt));
        Purge();
    }

    /// <summary>How many contexts are kept, expired or not; for tests and inspection.</summary>
    public int Count => Contexts.Count();

    private void Purge()
    {
        var now = _time.GetUtcNow();
        lock (_purgeGate)
        {
            if (now < _nextPurge) return;
            _nextPurge = now + PurgeInterval;
        }
        var contexts = Contexts;
        contexts.DeleteMany(Query.LT(nameof(ConversationContextDocument.ExpiresTicks), now.UtcTicks));
        var over = contexts.Count() - MaxContexts;
        if (over <= 0) return;
        foreach (var id in contexts.Query().OrderBy(d => d.ExpiresTicks).Limit(over).ToList().Select(d => d.Id))
            contexts.Delete(id);
    }

    private static string Id(string key) => IndexKeys.Bounded("", key);
}
