using System.Net.Http;
using CsBot.Application.Digest;
using CsBot.Core.Ports;
using CsBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CsBot.Host.Tests;

/// <summary>
/// With LiteDB (the in-memory scheduler) a digest due while CsBot was down is sent once at the next start, and a
/// restart right after does not send it again: the host is started three times on one database file, with the clock
/// set before, after and just after Monday's 09:00 digest.
/// </summary>
public sealed class DigestCatchUpHostTests : IDisposable
{
    private static readonly DateTimeOffset MondayNine = new(2026, 7, 6, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-catch-up-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CsBotHost Start(DateTimeOffset now)
    {
        var host = new CsBotHost(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(_folder, "csbot.db"),
            ["Demo:Enabled"] = "false",
            ["Scheduling:EvaluateAtStartup"] = "false",
            ["Reminders:RunAtStartup"] = "false",
            ["Digest:Subscriptions:0:Channel"] = "cs-leadership",
        }, services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(now)));
        _ = host.CreateClient();
        return host;
    }

    private static readonly string Key = DigestKeys.For("cs-leadership", DateOnly.FromDateTime(MondayNine.UtcDateTime));

    [Fact]
    public async Task A_digest_missed_while_down_is_sent_once_at_the_next_start_and_not_after_another_restart()
    {
        using (var before = Start(MondayNine.AddHours(-1)))
        {
            Assert.Null(before.Services.GetRequiredService<IOutboxStore>().FindByIdempotencyKey(Key));
            Assert.Equal(MondayNine.AddHours(-1), before.Services.GetRequiredService<IDigestSlotLedger>().LastSlot("cs-leadership"));
        }

        string sent;
        using (var after = Start(MondayNine.AddHours(1)))
        {
            var outbox = after.Services.GetRequiredService<IOutboxStore>();
            var ledger = after.Services.GetRequiredService<IDigestSlotLedger>();
            await Eventually.Until(() => outbox.FindByIdempotencyKey(Key) is not null && ledger.LastSlot("cs-leadership") == MondayNine,
                "the missed digest to be queued and its slot marked");
            sent = outbox.FindByIdempotencyKey(Key)!.Id;
        }

        using var restarted = Start(MondayNine.AddHours(1).AddMinutes(5));
        var scheduler = await restarted.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.Null(await scheduler.GetTrigger(new TriggerKey("digest-catch-up-cs-leadership", "csbot")));
        Assert.Equal(MondayNine, restarted.Services.GetRequiredService<IDigestSlotLedger>().LastSlot("cs-leadership"));
        Assert.Equal(sent, restarted.Services.GetRequiredService<IOutboxStore>().FindByIdempotencyKey(Key)!.Id);
    }
}
