using CsBot.Application.Delivery;
using CsBot.Application.Time;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Storage.LiteDb;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Application.Tests.Delivery;

/// <summary>
/// A real LiteDB outbox file in a temp folder, opened as a "process" (context, store, delivery service) that a test
/// can abandon mid-run and open again, as a restart after a crash would.
/// </summary>
internal sealed class OutboxFile : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 16, 8, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csbot-delivery-tests", Guid.NewGuid().ToString("N"));
    private readonly List<LiteDbContext> _open = [];

    public FakeTimeProvider Time { get; } = new(Start);

    public DeliveryOptions Options { get; } = new() { MaxAttempts = 3, BaseDelaySeconds = 10, MaxDelaySeconds = 60, LeaseSeconds = 120, BatchSize = 100 };

    public string DatabasePath => Path.Combine(_folder, "csbot.db");

    public sealed record Process(LiteDbContext Context, LiteDbOutbox Outbox, OutboxDeliveryService Delivery, ListLogger<OutboxDeliveryService> Log);

    public Process Open(IChatSender sender, Random? random = null, Func<string, IChatSender?>? platformSenders = null)
    {
        var context = new LiteDbContext(DatabasePath);
        _open.Add(context);
        var outbox = new LiteDbOutbox(context, Time);
        var log = new ListLogger<OutboxDeliveryService>();
        var delivery = new OutboxDeliveryService(outbox, sender, Options, new BusinessClock(Time, TimeZoneInfo.Utc), log, random ?? new Random(7), platformSenders ?? (_ => null));
        return new Process(context, outbox, delivery, log);
    }

    /// <summary>The process is gone: its file handle is closed without finishing anything it was doing.</summary>
    public static void Kill(Process process) => process.Context.Dispose();

    public static OutgoingMessage Message(string key, string email = "max@csbot.example") =>
        new(Recipient.Person(email, "Max Mustermann"), new ChatMessage { Title = "Alert " + key }, key);

    public void Dispose()
    {
        foreach (var context in _open) context.Dispose();
        try
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
