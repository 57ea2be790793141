namespace CsBot.Architecture.Tests;

/// <summary>
/// Cron expressions are Quartz's notation, so they belong to the scheduling project: Core speaks of channels, time
/// zones and segments, and carries a subscription's schedule only as text it never reads.
/// </summary>
public sealed class SchedulerVocabularyTests
{
    private static string Compiled(string project) => Path.Combine(AppContext.BaseDirectory, project + ".dll");

    [Fact]
    public void Core_names_no_cron()
    {
        var members = MemberNames.Containing(Compiled(Layers.Core), "Cron");

        Assert.True(members.Count == 0, $"{Layers.Core} names cron in {string.Join(", ", members)}; cron settings and defaults belong to {Layers.Scheduling}.");
    }

    [Fact]
    public void A_cron_member_is_seen_where_there_is_one()
    {
        // Guards against a reader that sees nothing (and so passes everything).
        var members = MemberNames.Containing(Compiled(Layers.Scheduling), "Cron");

        Assert.Contains("CsBot.Scheduling.SchedulingOptions.RiskEvaluationCron", members);
        Assert.Contains("CsBot.Scheduling.DigestSchedule.DefaultCron", members);
        Assert.Contains("CsBot.Scheduling.DigestSchedule.CronOf", members);
    }
}
