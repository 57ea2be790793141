namespace CsBot.Scheduling;

/// <summary>The weekly digest. Section "Digest". Chat commands can add subscriptions at run time; these are the configured ones.</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>Channels that receive the digest; none by default.</summary>
    public List<DigestSubscriptionOptions> Subscriptions { get; set; } = [];
}

/// <summary>One channel's digest: where, when (Quartz cron in a time zone) and for which segment.</summary>
public sealed class DigestSubscriptionOptions
{
    public string Channel { get; set; } = "";
    public string Cron { get; set; } = DigestSchedule.DefaultCron;
    /// <summary>IANA time-zone id; empty means the Scheduling time zone.</summary>
    public string? TimeZone { get; set; }
    /// <summary>Only accounts of this segment; empty means every account.</summary>
    public string? Segment { get; set; }
}
