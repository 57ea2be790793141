using System.Diagnostics.Metrics;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;

namespace CsBot.Application.Observability;

/// <summary>
/// Every instrument CsBot measures itself with, defined once here with System.Diagnostics.Metrics, so the inner
/// projects need no telemetry package: the host exports them (OpenTelemetry, Prometheus on /metrics) only when
/// Metrics:Enabled is on, and otherwise nothing listens and a measurement costs next to nothing. Names follow the
/// OpenTelemetry conventions (dotted, unit separate); Prometheus shows them as e.g. <c>csbot_question_duration_seconds</c>.
/// </summary>
/// <remarks>
/// Counters and histograms are recorded where the work happens, on one process-wide meter. The gauges (alerts and
/// outbox entries by state) are read from the stores when scraped, on a meter of each host's own
/// (<see cref="ObserveStores"/>), so they show that host's stores.
/// </remarks>
public static class CsBotMetrics
{
    public const string MeterName = "CsBot";

    public const string EvaluationDurationName = "csbot.evaluation.duration";
    public const string AccountsScoredName = "csbot.evaluation.accounts_scored";
    public const string AlertsName = "csbot.alerts";
    public const string OutboxDepthName = "csbot.outbox.depth";
    public const string DeliveryLatencyName = "csbot.delivery.latency";
    public const string QuestionsName = "csbot.questions";
    public const string QuestionDurationName = "csbot.question.duration";
    public const string RateLimitedName = "csbot.platform.rate_limited";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> EvaluationDuration = Meter.CreateHistogram<double>(EvaluationDurationName, "s",
        "How long one risk evaluation run took (scoring, rules, alerts, notifications).");

    private static readonly Counter<long> AccountsScored = Meter.CreateCounter<long>(AccountsScoredName, "{account}",
        "Accounts scored by risk evaluation runs.");

    private static readonly Histogram<double> DeliveryLatency = Meter.CreateHistogram<double>(DeliveryLatencyName, "s",
        "From a message entering the outbox to the platform accepting it; a message held for quiet hours counts its hold.");

    private static readonly Counter<long> Questions = Meter.CreateCounter<long>(QuestionsName, "{question}",
        "Questions answered, by what the question was understood to ask (intent).");

    private static readonly Histogram<double> QuestionDuration = Meter.CreateHistogram<double>(QuestionDurationName, "s",
        "How long answering one question took, by intent.");

    private static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(RateLimitedName, "{response}",
        "429 Too Many Requests answers received from a chat platform.");

    public static void EvaluationRan(TimeSpan elapsed, int accountsScored)
    {
        EvaluationDuration.Record(elapsed.TotalSeconds);
        AccountsScored.Add(accountsScored);
    }

    public static void Delivered(string platform, TimeSpan sinceQueued) =>
        DeliveryLatency.Record(Math.Max(0, sinceQueued.TotalSeconds), new KeyValuePair<string, object?>("platform", platform));

    /// <param name="intent">The understood intent's name, "none" when the question was not parsed (too long, failed).</param>
    public static void QuestionAnswered(string intent, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("intent", intent);
        Questions.Add(1, tag);
        QuestionDuration.Record(elapsed.TotalSeconds, tag);
    }

    public static void RateLimitReceived(string platform) => RateLimited.Add(1, new KeyValuePair<string, object?>("platform", platform));

    /// <summary>
    /// Creates the gauges read from <paramref name="outbox"/> and <paramref name="alerts"/> on a meter of
    /// <paramref name="meters"/>, which disposes it with the host.
    /// </summary>
    public static Meter ObserveStores(IMeterFactory meters, IOutboxStore outbox, IAlertStore alerts)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge(OutboxDepthName, () => outbox.Counts().Select(c =>
            new Measurement<long>(c.Value, new KeyValuePair<string, object?>("state", c.Key.ToString()))), "{message}", "Outbox entries by delivery state.");
        meter.CreateObservableGauge(AlertsName, () =>
        {
            var open = alerts.GetOpen().CountBy(a => a.State).ToDictionary();
            // Every open state is reported, 0 included, so a dashboard's line drops to 0 instead of vanishing.
            return Enum.GetValues<AlertState>().Where(s => s != AlertState.Resolved).Select(s =>
                new Measurement<long>(open.GetValueOrDefault(s), new KeyValuePair<string, object?>("state", s.ToString())));
        }, "{alert}", "Open alerts by state.");
        return meter;
    }
}
