namespace CsBot.Core.Digest;

/// <summary>
/// A channel that receives the weekly digest, on its own Quartz <paramref name="Cron"/> (seconds first) read in
/// <paramref name="TimeZone"/> (IANA id), optionally limited to one <paramref name="Segment"/>.
/// </summary>
public sealed record DigestSubscription(string Channel, string Cron, string TimeZone, string? Segment = null)
{
    /// <summary>Every Monday at 09:00.</summary>
    public const string DefaultCron = "0 0 9 ? * MON";

    /// <summary>How subscriptions are told apart: channels compare without case and without a leading '#'.</summary>
    public static string KeyOf(string channel) => channel.Trim().TrimStart('#').ToLowerInvariant();
}
