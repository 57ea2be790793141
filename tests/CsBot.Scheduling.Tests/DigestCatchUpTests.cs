using CsBot.Core.Digest;
using CsBot.Core.Ports;

namespace CsBot.Scheduling.Tests;

/// <summary>
/// Which digests the in-memory scheduler owes at start-up: the latest slot after a channel's mark that has passed,
/// once, whatever the length of the downtime; nothing for a channel never marked (a subscription seen for the first time).
/// </summary>
public sealed class DigestCatchUpTests
{
    private sealed class Ledger : IDigestSlotLedger
    {
        private readonly Dictionary<string, DateTimeOffset> _slots = [];
        public DateTimeOffset? LastSlot(string channel) => _slots.TryGetValue(DigestSubscription.KeyOf(channel), out var slot) ? slot : null;
        public void Record(string channel, DateTimeOffset slot)
        {
            var key = DigestSubscription.KeyOf(channel);
            if (!_slots.TryGetValue(key, out var recorded) || recorded < slot) _slots[key] = slot;
        }
    }

    // Monday 9:00 in Berlin, which is 07:00 UTC in summer.
    private static readonly DigestSubscription Leadership = new("cs-leadership", "Europe/Berlin");
    private static readonly DateTimeOffset MondayNine = new(2026, 7, 6, 7, 0, 0, TimeSpan.Zero);

    private readonly Ledger _ledger = new();

    [Fact]
    public void A_slot_passed_since_the_mark_is_owed_once_and_not_after_it_was_sent()
    {
        _ledger.Record("cs-leadership", MondayNine.AddHours(-2));

        var owed = DigestCatchUp.Missed([Leadership], _ledger, MondayNine.AddHours(1));
        _ledger.Record("#CS-Leadership", owed.Single().Slot);
        var afterRestart = DigestCatchUp.Missed([Leadership], _ledger, MondayNine.AddHours(1).AddMinutes(5));

        Assert.Equal(MondayNine, owed.Single().Slot);
        Assert.Empty(afterRestart);
    }

    [Fact]
    public void After_weeks_away_only_the_latest_missed_slot_is_owed()
    {
        _ledger.Record("cs-leadership", MondayNine.AddDays(-21).AddHours(1));

        var owed = DigestCatchUp.Missed([Leadership], _ledger, MondayNine.AddHours(3));

        Assert.Equal(MondayNine, Assert.Single(owed).Slot);
    }

    [Fact]
    public void Nothing_is_owed_before_the_slot_or_for_a_channel_without_a_mark()
    {
        _ledger.Record("cs-leadership", MondayNine.AddDays(-6));

        Assert.Empty(DigestCatchUp.Missed([Leadership], _ledger, MondayNine.AddMinutes(-1)));
        Assert.Empty(DigestCatchUp.Missed([Leadership with { Channel = "new-channel" }], _ledger, MondayNine.AddDays(3)));
    }
}
