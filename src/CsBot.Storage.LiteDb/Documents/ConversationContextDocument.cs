using CsBot.Core.Conversations;
using CsBot.Core.Metrics;
using CsBot.Core.Querying;
using CsBot.Core.Scoring;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>
/// A conversation's last question, collection "conversation_contexts", keyed by (platform, conversation, person) and
/// kept until <see cref="ExpiresTicks"/> (UTC). Enums are stored as their names and read back leniently: a context
/// written by another version that names something this one does not know is simply not followed.
/// </summary>
internal sealed class ConversationContextDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public long ExpiresTicks { get; set; }
    public string Intent { get; set; } = "";
    public string Text { get; set; } = "";
    public string? AccountText { get; set; }
    public string? Metric { get; set; }
    public int? PeriodFromDay { get; set; }
    public int? PeriodToDay { get; set; }
    public string? PeriodText { get; set; }
    public string? Segment { get; set; }
    public string? OwnerText { get; set; }
    public bool Mine { get; set; }
    public string? Band { get; set; }
    public string? Movement { get; set; }
    public string? Compare { get; set; }
    public string? Signal { get; set; }
    public int Page { get; set; }

    public static ConversationContextDocument From(string id, ConversationContext context, DateTimeOffset expiresAt)
    {
        var q = context.Question;
        return new ConversationContextDocument
        {
            Id = id,
            ExpiresTicks = expiresAt.UtcTicks,
            Intent = q.Intent.ToString(),
            Text = q.Text,
            AccountText = q.AccountText,
            Metric = q.Metric?.ToString(),
            PeriodFromDay = q.Period is { } p ? Days.From(p.From) : null,
            PeriodToDay = q.Period is { } r ? Days.From(r.To) : null,
            PeriodText = q.PeriodText,
            Segment = q.Segment,
            OwnerText = q.OwnerText,
            Mine = q.Mine,
            Band = q.Band?.ToString(),
            Movement = q.Movement.ToString(),
            Compare = q.Compare?.ToString(),
            Signal = q.Signal?.ToString(),
            Page = context.Page,
        };
    }

    public ConversationContext? ToContext()
    {
        if (!Enum.TryParse<IntentKind>(Intent, out var intent)) return null;
        var question = new ParsedQuestion(intent, AccountText)
        {
            Text = Text ?? "",
            Metric = Parse<MetricKind>(Metric),
            Period = PeriodFromDay is { } from && PeriodToDay is { } to ? new DateRange(Days.ToDate(from), Days.ToDate(to)) : null,
            PeriodText = PeriodText,
            Segment = Segment,
            OwnerText = OwnerText,
            Mine = Mine,
            Band = Parse<HealthBand>(Band),
            Movement = Parse<MoverFilter>(Movement) ?? MoverFilter.Any,
            Compare = Parse<MetricComparison>(Compare),
            Signal = Parse<ListSignal>(Signal),
        };
        return new ConversationContext(question, Math.Max(0, Page));
    }

    private static T? Parse<T>(string? name) where T : struct, Enum =>
        name is not null && Enum.TryParse<T>(name, out var value) ? value : null;
}
