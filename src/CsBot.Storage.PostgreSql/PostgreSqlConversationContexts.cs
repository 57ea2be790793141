using CsBot.Core.Conversations;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Querying;
using CsBot.Core.Scoring;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// Each conversation's last question in "conversation_contexts", one row per (platform, conversation, person),
/// replaced by the next question, so a follow-up is understood whichever instance it reaches. Expiry is read against
/// the injected clock; expired rows are purged at most every <see cref="PurgeInterval"/>, and past
/// <see cref="MaxContexts"/> the ones that expire soonest go first.
/// </summary>
public sealed class PostgreSqlConversationContexts(PostgreSqlDatabase database, TimeProvider time) : IConversationContexts
{
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);

    /// <summary>Most contexts kept; far more than people who talk to CsBot within one memory window.</summary>
    public const int MaxContexts = 50_000;

    private readonly PostgreSqlDatabase _database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));
    private readonly Lock _purgeGate = new();
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    public ConversationContext? Find(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var json = _database.With(c => Sql.Scalar(c, null, "SELECT context_json FROM conversation_contexts WHERE key = @key AND expires_at > @now",
            ("key", BoundedKeys.Of("", key)), ("now", _time.GetUtcNow()))) as string;
        return json is null ? null : StoredJson.Read<ContextJson>(json).ToContext();
    }

    public void Save(string key, ConversationContext context, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(context);
        _database.With(c => Sql.Execute(c, null, """
            INSERT INTO conversation_contexts (key, expires_at, context_json) VALUES (@key, @expires, @json)
            ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at, context_json = excluded.context_json
            """, ("key", BoundedKeys.Of("", key)), ("expires", expiresAt), ("json", StoredJson.Write(ContextJson.From(context)))));
        Purge();
    }

    /// <summary>How many contexts are kept, expired or not; for tests and inspection.</summary>
    public int Count => Convert.ToInt32(_database.With(c => Sql.Scalar(c, null, "SELECT count(*) FROM conversation_contexts")), System.Globalization.CultureInfo.InvariantCulture);

    private void Purge()
    {
        var now = _time.GetUtcNow();
        lock (_purgeGate)
        {
            if (now < _nextPurge) return;
            _nextPurge = now + PurgeInterval;
        }
        _database.InTransaction((c, t) =>
        {
            Sql.Execute(c, t, "DELETE FROM conversation_contexts WHERE expires_at < @now", ("now", now));
            Sql.Execute(c, t, $"""
                DELETE FROM conversation_contexts WHERE key IN (
                    SELECT key FROM conversation_contexts ORDER BY expires_at
                    LIMIT greatest(0, (SELECT count(*) FROM conversation_contexts) - {MaxContexts}))
                """);
        });
    }

    /// <summary>
    /// The stored meaning of a question: the same members LiteDB keeps, enums by name and read back leniently, so a
    /// context written by another version that names something this one does not know is simply not followed.
    /// </summary>
    internal sealed class ContextJson
    {
        public string Intent { get; set; } = "";
        public string Text { get; set; } = "";
        public string? AccountText { get; set; }
        public string? Metric { get; set; }
        public DateOnly? PeriodFrom { get; set; }
        public DateOnly? PeriodTo { get; set; }
        public string? PeriodText { get; set; }
        public string? Segment { get; set; }
        public string? OwnerText { get; set; }
        public bool Mine { get; set; }
        public string? Band { get; set; }
        public string? Movement { get; set; }
        public string? Compare { get; set; }
        public string? Signal { get; set; }
        public int Page { get; set; }

        public static ContextJson From(ConversationContext context)
        {
            var q = context.Question;
            return new ContextJson
            {
                Intent = q.Intent.ToString(), Text = q.Text, AccountText = q.AccountText, Metric = q.Metric?.ToString(),
                PeriodFrom = q.Period?.From, PeriodTo = q.Period?.To, PeriodText = q.PeriodText, Segment = q.Segment, OwnerText = q.OwnerText,
                Mine = q.Mine, Band = q.Band?.ToString(), Movement = q.Movement.ToString(), Compare = q.Compare?.ToString(),
                Signal = q.Signal?.ToString(), Page = context.Page,
            };
        }

        public ConversationContext? ToContext()
        {
            if (!Enum.TryParse<IntentKind>(Intent, out var intent)) return null;
            var question = new ParsedQuestion(intent, AccountText)
            {
                Text = Text ?? "",
                Metric = Parse<MetricKind>(Metric),
                Period = PeriodFrom is { } from && PeriodTo is { } to ? new DateRange(from, to) : null,
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
}
