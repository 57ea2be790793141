namespace CsBot.Core.Digest;

/// <summary>
/// A channel that receives the weekly digest, read in <paramref name="TimeZone"/> (IANA id), optionally limited to one
/// <paramref name="Segment"/>. When it is sent is the scheduler's business: <paramref name="Schedule"/> is kept as the
/// scheduler wrote it (configured, or stored by an earlier sign-up) and never read here; null means the scheduler's
/// default, which is what a channel signed up from chat gets.
/// </summary>
public sealed record DigestSubscription(string Channel, string TimeZone, string? Segment = null, string? Schedule = null)
{
    /// <summary>How subscriptions are told apart: channels compare without case and without a leading '#'.</summary>
    public static string KeyOf(string channel) => channel.Trim().TrimStart('#').ToLowerInvariant();
}
