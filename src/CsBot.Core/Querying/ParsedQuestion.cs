using CsBot.Core.Metrics;
using CsBot.Core.Scoring;

namespace CsBot.Core.Querying;

/// <summary>
/// What someone asked for: the intent and, where it names one, the account as typed, plus the details each intent
/// uses. Names (account, segment, owner, alert) are returned as typed; the answerer matches them against data.
/// </summary>
public sealed record ParsedQuestion(IntentKind Intent, string? AccountText = null)
{
    /// <summary>The question after cleaning (no slash command, bot mention or trailing punctuation).</summary>
    public string Text { get; init; } = "";

    /// <summary>The days asked about (Metric, TopMovers, Renewals); the intent's default when none was typed.</summary>
    public DateRange? Period { get; init; }

    /// <summary>The time expression as typed, e.g. "last quarter"; null when <see cref="Period"/> is a default.</summary>
    public string? PeriodText { get; init; }

    /// <summary>The metric asked about (Metric).</summary>
    public MetricKind? Metric { get; init; }

    /// <summary>Segment as typed, e.g. "Enterprise", "mid market"; validated by the answerer.</summary>
    public string? Segment { get; init; }

    /// <summary>Account owner as typed ("Dana", "Dana Scully", "&lt;@U123&gt;") for list questions.</summary>
    public string? OwnerText { get; init; }

    /// <summary>The asker means their own accounts ("my at-risk accounts", "renewals for me").</summary>
    public bool Mine { get; init; }

    /// <summary>Health band filter for list questions ("poor health", "red accounts", "healthy customers").</summary>
    public HealthBand? Band { get; init; }

    /// <summary>Which alert to acknowledge or snooze, as typed ("Initech usage-cliff", "Initech"); null when not named.</summary>
    public string? AlertText { get; init; }

    /// <summary>How long to snooze; null when not said (the answerer picks its default).</summary>
    public SnoozeDuration? Snooze { get; init; }

    /// <summary>Drops, gains or both (TopMovers).</summary>
    public MoverFilter Movement { get; init; }

    /// <summary>What a metric is compared with, when the question says ("q/q", "is GRR improving"); null otherwise.</summary>
    public MetricComparison? Compare { get; init; }

    /// <summary>
    /// The whole message was taken as an account name, with no word asking anything ("acme"): when it names no
    /// account, it was not a question about one.
    /// </summary>
    public bool BareText { get; init; }

    /// <summary>Which fact about the account is asked for (AccountFact).</summary>
    public AccountFactKind? Fact { get; init; }

    /// <summary>What kind of request CsBot does not do was made (CannotDo).</summary>
    public UnsupportedRequest? Unsupported { get; init; }

    /// <summary>The warning sign a list asks about (SignalList; OverdueInvoices too).</summary>
    public ListSignal? Signal { get; init; }

    /// <summary>Every open alert of the account is meant ("ack every hooli alert"), not one (Acknowledge, Snooze).</summary>
    public bool AllAlerts { get; init; }
}
