using CsBot.Core.Conversations;
using CsBot.Core.Digest;
using CsBot.Core.Metrics;
using CsBot.Core.Prediction;
using CsBot.Core.Querying;
using CsBot.Core.Reminders;
using CsBot.Storage.Contract.Tests.Infrastructure;

namespace CsBot.Storage.Contract.Tests.Contracts;

/// <summary>
/// What the small stores do: the reminder ledger, digest subscriptions, the log of inbound events (shared between
/// instances), each conversation's last question and the trained churn models.
/// </summary>
public abstract class SmallStoresContract : ContractTest
{
    private static readonly DateTimeOffset Now = TestData.Instant(0);

    private static ChurnModelRecord Model(string id, DateTimeOffset at, bool passed) => new(id, at, DateOnly.FromDateTime(at.UtcDateTime), 4_800, 120, 31,
        ["seat utilisation (30 days)", "MRR"], passed ? 0.74 : 0.58, 0.21, 0.38, 0.65, passed, passed ? "In use: AUC 0.74" : "Not used: AUC 0.58", passed ? [1, 2, 3, 255] : []);

    [StoreFact]
    public void A_churn_model_reads_back_whole_on_another_instance_and_the_latest_that_passed_is_the_one_used()
    {
        Assert.Null(Stores.ChurnModels.Latest());
        Assert.Null(Stores.ChurnModels.LatestPassed());
        var week1 = new DateTimeOffset(2026, 11, 8, 3, 0, 0, TimeSpan.FromHours(1));
        var used = Model("churn-b", week1.AddDays(7), passed: true);
        Stores.ChurnModels.Save(used);
        Stores.ChurnModels.Save(Model("churn-a", week1, passed: true));
        Stores.ChurnModels.Save(Model("churn-c", week1.AddDays(14), passed: false));
        Stores.ChurnModels.Save(Model("churn-c", week1.AddDays(14), passed: false));

        var other = Stores.OpenAnother().ChurnModels;
        Assert.Equal("churn-c", other.Latest()!.Id);
        var read = other.LatestPassed()!;
        Assert.Equal(used with { Features = [], Model = [] }, read with { Features = [], Model = [] });
        Assert.Equal(used.Features, read.Features);
        Assert.Equal(used.Model, read.Model);
        Assert.Equal(used.TrainedAt.Offset, read.TrainedAt.Offset);
    }

    [StoreFact]
    public void A_reminder_is_recorded_once_and_recording_it_again_changes_nothing()
    {
        var key = new ReminderKey("acc-1", new DateOnly(2026, 4, 30), ReminderKind.Renewal, 30);
        var other = key with { OffsetDays = 7 };
        Assert.False(Stores.Reminders.WasSent(key));

        Stores.Reminders.RecordSent([key, key], Now);
        Stores.Reminders.RecordSent([key, other], Now.AddDays(1));

        Assert.True(Stores.Reminders.WasSent(key));
        Assert.True(Stores.OpenAnother().Reminders.WasSent(other));
        Assert.False(Stores.Reminders.WasSent(key with { RenewalDate = new DateOnly(2027, 4, 30) }));
    }

    [StoreFact]
    public void A_digest_subscription_is_one_per_channel_matched_without_case_or_hash()
    {
        Stores.Digests.Upsert(new DigestSubscription("#CS-Leads", "Europe/Berlin", "Enterprise", "0 0 9 ? * MON"));
        Stores.Digests.Upsert(new DigestSubscription("cs-leads", "America/New_York"));
        Stores.Digests.Upsert(new DigestSubscription("all-hands", "UTC"));

        Assert.Equal(new DigestSubscription("cs-leads", "America/New_York"), Stores.Digests.Find("#CS-LEADS"));
        Assert.Equal(["all-hands", "cs-leads"], Stores.Digests.GetAll().Select(s => s.Channel));
        Assert.True(Stores.Digests.Remove("#Cs-Leads"));
        Assert.False(Stores.Digests.Remove("cs-leads"));
        Assert.Null(Stores.Digests.Find("cs-leads"));
    }

    [StoreFact]
    public void A_digest_slot_mark_only_moves_forward_and_is_shared_by_channel_key()
    {
        var monday = new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.FromHours(1));
        Assert.Null(Stores.DigestSlots.LastSlot("cs-leads"));

        Stores.DigestSlots.Record("#CS-Leads", monday);
        Stores.OpenAnother().DigestSlots.Record("cs-leads", monday.AddDays(-7));
        Assert.Equal(monday, Stores.DigestSlots.LastSlot("cs-leads"));

        Stores.DigestSlots.Record("cs-leads", monday.AddDays(7));
        Assert.Equal(monday.AddDays(7), Stores.OpenAnother().DigestSlots.LastSlot("#cs-LEADS"));
        Assert.Null(Stores.DigestSlots.LastSlot("all-hands"));
    }

    [StoreFact]
    public void An_inbound_event_is_new_once_a_repeat_is_recognised_on_another_instance_until_it_is_forgotten()
    {
        var forget = Now.AddHours(1);
        Assert.True(Stores.InboundEvents.TryRecord("slack", "Ev123", Now, forget));
        Assert.False(Stores.InboundEvents.TryRecord("slack", "Ev123", Now.AddMinutes(1), forget));
        Assert.False(Stores.OpenAnother().InboundEvents.TryRecord("slack", "Ev123", Now.AddMinutes(2), forget));
        Assert.True(Stores.InboundEvents.TryRecord("teams", "Ev123", Now, forget));
        Assert.True(Stores.InboundEvents.TryRecord("slack", "ev123", Now, forget));

        Assert.True(Stores.InboundEvents.TryRecord("slack", "Ev123", forget, forget.AddHours(1)));
        Assert.False(Stores.InboundEvents.TryRecord("slack", "Ev123", forget.AddMinutes(1), forget.AddHours(1)));
    }

    [StoreFact]
    public void Long_and_hostile_event_ids_are_told_apart()
    {
        var ids = Hostile.Strings.Where(s => s.Length > 0).Append(new string('y', 10_000)).Append(new string('y', 9_999) + "z").ToList();
        Assert.All(ids, id => Assert.True(Stores.InboundEvents.TryRecord("slack", id, Now, Now.AddHours(1)), id[..Math.Min(20, id.Length)]));
        Assert.All(ids, id => Assert.False(Stores.InboundEvents.TryRecord("slack", id, Now, Now.AddHours(1))));
    }

    [StoreFact]
    public void A_conversation_context_is_the_latest_question_until_it_expires()
    {
        var question = new ParsedQuestion(IntentKind.AccountHealth, "acme")
        {
            Text = Hostile.Strings[4], Metric = MetricKind.RetentionRate, Period = new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)),
            PeriodText = "this quarter", Segment = "Enterprise", OwnerText = "olivia", Mine = true,
        };
        var key = "slack|C1|" + new string('k', 500);
        Stores.Contexts.Save(key, new ConversationContext(question, 2), Stores.Time.GetUtcNow().AddMinutes(30));
        Stores.Contexts.Save("slack|C1|U2", new ConversationContext(question with { Intent = IntentKind.AtRiskList }), Stores.Time.GetUtcNow().AddMinutes(30));

        var found = Stores.Contexts.Find(key)!;
        Assert.Equal(new ConversationContext(question, 2), found);
        Assert.Null(Stores.Contexts.Find("slack|C1|" + new string('k', 499)));
        Assert.Equal(IntentKind.AtRiskList, Stores.Contexts.Find("slack|C1|U2")!.Question.Intent);

        Stores.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Null(Stores.Contexts.Find(key));
    }
}
