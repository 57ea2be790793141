using CsBot.Core.Digest;
using CsBot.Core.Ports;
using CsBot.Storage.LiteDb.Documents;

namespace CsBot.Storage.LiteDb;

/// <summary>Each channel's latest digest slot dealt with, in "digest_slots", one document per channel.</summary>
public sealed class LiteDbDigestSlotLedger(LiteDbContext context) : IDigestSlotLedger
{
    internal const string CollectionName = "digest_slots";

    private LiteDB.ILiteCollection<DigestSlotDocument> Slots => context.Collection<DigestSlotDocument>(CollectionName);

    public DateTimeOffset? LastSlot(string channel) =>
        Slots.FindById(DigestSubscription.KeyOf(channel))?.Slot.ToDateTimeOffset();

    public void Record(string channel, DateTimeOffset slot)
    {
        if (string.IsNullOrWhiteSpace(channel)) throw new ArgumentException("A digest slot needs a channel.", nameof(channel));
        var key = DigestSubscription.KeyOf(channel);
        context.InTransaction(() =>
        {
            // Never backwards: a late catch-up run must not reopen a slot a later run already covered.
            if (Slots.FindById(key) is { } recorded && recorded.Slot.UtcTicks >= slot.UtcTicks) return;
            Slots.Upsert(new DigestSlotDocument { Id = key, Slot = InstantDocument.From(slot) });
        });
    }
}
