namespace CsBot.Application.Delivery;

/// <summary>How queued messages are delivered and retried. Section "Delivery".</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Attempts before a message that keeps failing transiently is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Back-off before the second attempt; it doubles per attempt (with full jitter) up to <see cref="MaxDelaySeconds"/>.</summary>
    public int BaseDelaySeconds { get; set; } = 5;
    /// <summary>Longest back-off between two attempts.</summary>
    public int MaxDelaySeconds { get; set; } = 900;
    /// <summary>Most messages one delivery run sends; the rest wait for the next run.</summary>
    public int BatchSize { get; set; } = 100;
    /// <summary>
    /// How long a claimed message is reserved for the run sending it. If the process dies mid-send the message is
    /// sent again once this has passed, so it must exceed the longest send but stay short.
    /// </summary>
    public int LeaseSeconds { get; set; } = 120;
    /// <summary>Quartz cron (seconds first) for the delivery run. Default: every 15 seconds.</summary>
    public string PollCron { get; set; } = "0/15 * * * * ?";

    public TimeSpan BaseDelay => TimeSpan.FromSeconds(BaseDelaySeconds);
    public TimeSpan MaxDelay => TimeSpan.FromSeconds(MaxDelaySeconds);
    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>Every problem with these values, each naming its key and the fix. Empty when valid. The cron is checked by the host.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxAttempts is < 1 or > 100)
            errors.Add($"Delivery:MaxAttempts is {MaxAttempts}; use 1 to 100 (default 8).");
        if (BaseDelaySeconds is < 1 or > 3600)
            errors.Add($"Delivery:BaseDelaySeconds is {BaseDelaySeconds}; use 1 to 3600 (default 5).");
        if (MaxDelaySeconds is < 1 or > 86_400)
            errors.Add($"Delivery:MaxDelaySeconds is {MaxDelaySeconds}; use 1 to 86400 (default 900).");
        else if (MaxDelaySeconds < BaseDelaySeconds)
            errors.Add($"Delivery:MaxDelaySeconds ({MaxDelaySeconds}) is below Delivery:BaseDelaySeconds ({BaseDelaySeconds}); make it at least as large.");
        if (BatchSize is < 1 or > 10_000)
            errors.Add($"Delivery:BatchSize is {BatchSize}; use 1 to 10000 (default 100).");
        if (LeaseSeconds is < 10 or > 3600)
            errors.Add($"Delivery:LeaseSeconds is {LeaseSeconds}; use 10 to 3600 (default 120), longer than a send can take.");
        return errors;
    }
}
