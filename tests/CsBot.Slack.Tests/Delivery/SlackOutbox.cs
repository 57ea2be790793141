using CsBot.Application.Delivery;
using CsBot.Application.Time;
using CsBot.Core.Messaging;
using CsBot.Slack.Api;
using CsBot.Slack.Outbound;
using CsBot.Slack.Tests.Host;
using CsBot.Storage.LiteDb;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Slack.Tests.Delivery;

/// <summary>
/// The real delivery pipeline to Slack on a fake clock: a LiteDB outbox in a temp folder, the delivery service, and
/// the Slack sender talking to a <see cref="FakeSlack"/>. Retry-After and back-off waits pass by advancing <see cref="Time"/>.
/// </summary>
internal sealed class SlackOutbox : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-slack-outbox-").FullName;
    private readonly LiteDbContext _context;
    private readonly FakeSlack _slack;

    public SlackOutbox(FakeSlack slack, Random? random = null)
    {
        _slack = slack;
        Api = NewApi();
        _context = new LiteDbContext(Path.Combine(_folder, "csbot.db"));
        Outbox = new LiteDbOutbox(_context, Time);
        Sender = NewSender(Api);
        Delivery = new OutboxDeliveryService(Outbox, Sender, Options, new BusinessClock(Time, TimeZoneInfo.Utc),
            NullLogger<OutboxDeliveryService>.Instance, random ?? new Random(13), _ => null);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero));

    public DeliveryOptions Options { get; } = new();

    public SlackApiClient Api { get; }

    public SlackChatSender Sender { get; }

    public LiteDbOutbox Outbox { get; }

    public OutboxDeliveryService Delivery { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public SlackOptions SlackOptions => new() { BotToken = "xoxb-test", SigningSecret = "s", ApiBaseUrl = _slack.ApiUrl };

    /// <summary>A Slack client and sender of another process (the one that died): nothing it remembered is known to <see cref="Sender"/>.</summary>
    public SlackChatSender OtherProcessSender() => NewSender(NewApi());

    private SlackApiClient NewApi() => new(new HttpClient { BaseAddress = new Uri(_slack.ApiUrl) }, SlackOptions, NullLogger<SlackApiClient>.Instance, Time);

    private SlackChatSender NewSender(SlackApiClient api) =>
        new(api, new SlackUserDirectory(api, Time), new SlackChannelDirectory(api, Time), new SlackSentMessages(Time, Outbox), SlackOptions, Time);

    public void Enqueue(string channel, string key, string? threadTs = null) => Enqueue(Recipient.Channel(channel), key, threadTs);

    public void Enqueue(Recipient recipient, string key, string? threadTs = null) =>
        Outbox.Enqueue(new OutgoingMessage(recipient, new ChatMessage { Title = "Alert " + key, FallbackText = "Alert " + key }, key) { ThreadId = threadTs }, Now);

    public void Dispose()
    {
        _context.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
