using CsBot.Application.Digest;
using CsBot.Core.Ports;
using CsBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CsBot.Host.Tests;

/// <summary>
/// The weekly digest job stopped by a graceful shutdown (its token cancelled while it asks for delivery) logs that it
/// stopped, not that it failed: the digest is queued and its slot marked, and the outbox sends it at its next run.
/// </summary>
public sealed class DigestJobStopTests
{
    private static readonly DateTimeOffset MondayNine = new(2026, 7, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_stop_while_the_digest_asks_for_delivery_is_logged_as_stopped_and_the_digest_stays_queued()
    {
        using var host = new CsBotHost(new Dictionary<string, string?>
        {
            ["Scheduling:EvaluateAtStartup"] = "false",
            ["Reminders:RunAtStartup"] = "false",
            ["Demo:AccountCount"] = "20",
            ["Digest:Subscriptions:0:Channel"] = "cs-leadership",
        }, services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(MondayNine)));
        _ = host.CreateClient();
        var log = new CapturedLog<WeeklyDigestJob>();
        var job = ActivatorUtilities.CreateInstance<WeeklyDigestJob>(host.Services, log);
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await job.Execute(Stub<IJobExecutionContext>.With(new Dictionary<string, object?>
        {
            ["get_MergedJobDataMap"] = new JobDataMap { [WeeklyDigestJob.ChannelKey] = "cs-leadership" },
            ["get_ScheduledFireTimeUtc"] = (DateTimeOffset?)MondayNine,
            ["get_Scheduler"] = Stub<IScheduler>.Cancelled(),
        }), stopping.Token);

        var key = DigestKeys.For("cs-leadership", DateOnly.FromDateTime(MondayNine.UtcDateTime));
        Assert.NotNull(host.Services.GetRequiredService<IOutboxStore>().FindByIdempotencyKey(key));
        Assert.Equal(MondayNine, host.Services.GetRequiredService<IDigestSlotLedger>().LastSlot("cs-leadership"));
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("CsBot is stopping", StringComparison.Ordinal));
    }
}
