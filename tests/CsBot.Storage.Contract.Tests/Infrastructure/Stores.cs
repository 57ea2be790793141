using CsBot.Core.Ports;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Storage.Contract.Tests.Infrastructure;

/// <summary>
/// Every store port of one store, over one fresh database, with a fake clock. <see cref="OpenAnother"/> gives a
/// second set over the same database as another CsBot process would have it (PostgreSQL: its own connection pool).
/// </summary>
public abstract class Stores : IAsyncDisposable
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 15, 9, 30, 15, TimeSpan.FromHours(2)));

    public abstract IPortfolioStore Portfolio { get; }
    public abstract IScoreStore Scores { get; }
    public abstract IAlertStore Alerts { get; }
    public abstract IReminderLedger Reminders { get; }
    public abstract IConversationStore Conversations { get; }
    public abstract IOutboxStore Outbox { get; }
    public abstract IDigestSubscriptions Digests { get; }
    public abstract IDigestSlotLedger DigestSlots { get; }
    public abstract IChurnModelStore ChurnModels { get; }
    public abstract IInboundEventLog InboundEvents { get; }
    public abstract IConversationContexts Contexts { get; }

    /// <summary>The same database opened again, as a second CsBot would (LiteDB: one process, so the same file handle).</summary>
    public abstract Stores OpenAnother();

    public abstract ValueTask DisposeAsync();
}
