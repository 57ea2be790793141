namespace CsBot.Core.Ports;

/// <summary>
/// How far each channel's digest schedule has been dealt with: the latest scheduled time ("slot") whose digest was
/// sent, or the moment the subscription was first scheduled. At start-up a slot after it that has already passed
/// was missed while CsBot was down, and is sent once; sending it moves the mark, so a restart does not send it again.
/// </summary>
public interface IDigestSlotLedger
{
    /// <summary>The channel's mark (matched like subscriptions: without case or a leading '#'), or null when none is recorded.</summary>
    DateTimeOffset? LastSlot(string channel);

    /// <summary>Moves the channel's mark to <paramref name="slot"/>; a slot earlier than the recorded one changes nothing.</summary>
    void Record(string channel, DateTimeOffset slot);
}
