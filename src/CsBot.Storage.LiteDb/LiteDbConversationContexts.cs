using System.Runtime.CompilerServices;
using CsBot.Core.Conversations;
using CsBot.Core.Ports;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Each conversation's last question in "conversation_contexts": one document per (platform, conversation, person),
/// replaced by the next question, so a look-up is one read by id. Expiry is read against the injected clock; expired
/// documents are purged at most every <see cref="PurgeInterval"/>, and past <see cref="MaxContexts"/> the ones that
/// expire soonest go first, so the collection stays small however many people talk to CsBot. A save returns at once:
/// contexts reach the file in batches (<see cref="ConversationContextWriteBehind"/>), and are read back from memory
/// until then.
/// </summary>
public sealed class LiteDbConversationContexts : IConversationContexts
{
    internal const string CollectionName = "conversation_contexts";

    public static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);

    /// <summary>Most contexts kept; far more than people who talk to CsBot within one memory window.</summary>
    public const int MaxContexts = 50_000;

    private readonly LiteDbContext _context;
    private readonly TimeProvider _time;
    private static readonly ConditionalWeakTable<LiteDbContext, ConversationContextWriteBehind> PendingWrites = new();
    private readonly ConversationContextWriteBehind _writes;
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    public LiteDbConversationContexts(LiteDbContext context, TimeProvider time, ILogger<LiteDbConversationContexts>? logger = null)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _context.Database.GetCollection(CollectionName).EnsureIndex("expires", "$.ExpiresTicks");
        // One per file, so every store over the same context reads the same pending contexts.
        _writes = PendingWrites.GetValue(_context, c => new ConversationContextWriteBehind(c, CollectionName, Purge, time, logger));
    }

    private ILiteCollection<ConversationContextDocument> Contexts => _context.Collection<ConversationContextDocument>(CollectionName);

    public ConversationContext? Find(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var id = Id(key);
        var document = _writes.TryGetKnown(id, out var known) ? known : Contexts.FindById(id);
        return document is null || document.ExpiresTicks <= _time.GetUtcNow().UtcTicks ? null : document.ToContext();
    }

    public void Save(string key, ConversationContext context, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(context);
        _writes.Add(ConversationContextDocument.From(Id(key), context, expiresAt));
    }

    /// <summary>How many written contexts are read from memory instead of the file; for tests.</summary>
    internal int Remembered => _writes.Remembered;

    /// <summary>How many batches and documents the saves have cost in the file so far; for tests.</summary>
    internal (int Batches, long Documents) Written => _writes.Written;

    /// <summary>How many contexts are kept, expired or not, once the pending ones are written; for tests and inspection.</summary>
    public int Count
    {
        get
        {
            _writes.Flush();
            return Contexts.Count();
        }
    }

    /// <summary>Runs after each batch write, under the write-behind's gate, so purges never overlap.</summary>
    private void Purge(ILiteCollection<ConversationContextDocument> contexts)
    {
        var now = _time.GetUtcNow();
        if (now < _nextPurge) return;
        _nextPurge = now + PurgeInterval;
        contexts.DeleteMany(Query.LT(nameof(ConversationContextDocument.ExpiresTicks), now.UtcTicks));
        var over = contexts.Count() - MaxContexts;
        if (over <= 0) return;
        // Contexts that have not expired leave the file: the copies held in memory must not answer for them.
        _writes.ForgetWritten();
        foreach (var id in contexts.Query().OrderBy(d => d.ExpiresTicks).Limit(over).ToList().Select(d => d.Id))
            contexts.Delete(id);
    }

    private static string Id(string key) => IndexKeys.Bounded("", key);
}
