using CsBot.Core.Accounts;
using CsBot.Core.Reminders;

namespace CsBot.Core.Tests.Reminders;

public class ReminderPlannerTests
{
    private static readonly DateOnly Renewal = new(2026, 9, 30);
    private static readonly RemindersOptions Defaults = new();

    private static Account Contract(string id = "acc-1", DateOnly? renewal = null, bool autoRenew = false, int noticeDays = 0, ContractKind kind = ContractKind.Annual, DateOnly? churnedOn = null) => new()
    {
        Id = id,
        ExternalId = "crm-" + id,
        Name = "Account " + id,
        Mrr = 1_000m,
        ContractKind = kind,
        StartDate = new DateOnly(2024, 1, 1),
        RenewalDate = kind == ContractKind.Monthly ? null : renewal ?? Renewal,
        AutoRenew = autoRenew,
        NoticePeriodDays = noticeDays,
        ChurnedOn = churnedOn,
        Owner = new Person("Olivia Owner", "olivia@example.com"),
    };

    private static IReadOnlyList<PlannedReminder> Plan(DateOnly today, params Account[] accounts) =>
        ReminderPlanner.Plan(accounts, _ => false, today, Defaults);

    [Theory]
    [InlineData(90)]
    [InlineData(60)]
    [InlineData(30)]
    [InlineData(7)]
    public void On_each_default_offset_day_the_renewal_reminder_of_that_offset_is_due(int offset)
    {
        var due = Assert.Single(Plan(Renewal.AddDays(-offset), Contract()));

        Assert.Equal(new ReminderKey("acc-1", Renewal, ReminderKind.Renewal, offset), due.Key);
        Assert.Equal(offset, due.DaysLeft);
        Assert.Equal(Renewal, due.Target);
    }

    [Fact]
    public void Before_the_first_offset_nothing_is_due()
    {
        Assert.Empty(Plan(Renewal.AddDays(-91), Contract()));
    }

    [Fact]
    public void An_auto_renewing_contract_is_reminded_of_its_notice_deadline()
    {
        // 45 days' notice: the deadline is 2026-08-16, and 14 days before it the renewal itself is 59 days away.
        var account = Contract(autoRenew: true, noticeDays: 45);
        var deadline = Renewal.AddDays(-45);

        var due = Plan(deadline.AddDays(-14), account);

        var notice = Assert.Single(due, d => d.Key.Kind == ReminderKind.NoticeDeadline);
        Assert.Equal(14, notice.Key.OffsetDays);
        Assert.Equal(deadline, notice.Target);
        Assert.Equal(Renewal, notice.Key.RenewalDate);
        Assert.Contains(due, d => d.Key is { Kind: ReminderKind.Renewal, OffsetDays: 60 });
    }

    [Fact]
    public void A_contract_that_does_not_auto_renew_has_no_notice_deadline_reminders()
    {
        var due = Plan(Renewal.AddDays(-45 - 3), Contract(autoRenew: false, noticeDays: 45));

        Assert.DoesNotContain(due, d => d.Key.Kind == ReminderKind.NoticeDeadline);
    }

    [Fact]
    public void Monthly_and_churned_accounts_get_no_reminders()
    {
        var today = Renewal.AddDays(-30);

        Assert.Empty(Plan(today, Contract("monthly", kind: ContractKind.Monthly), Contract("gone", churnedOn: today.AddDays(-1))));
    }

    [Fact]
    public void A_missed_offset_day_is_caught_up_with_only_the_most_urgent_reminder()
    {
        // Down on day 90 and day 60: at 59 days only the 60-day reminder goes out, never the stale 90-day one.
        var due = Assert.Single(Plan(Renewal.AddDays(-59), Contract()));

        Assert.Equal(60, due.Key.OffsetDays);
    }

    [Fact]
    public void A_reminder_overtaken_by_a_sent_later_one_is_never_sent_late()
    {
        var sentSixty = new ReminderKey("acc-1", Renewal, ReminderKind.Renewal, 60);

        var due = ReminderPlanner.Plan([Contract()], key => key == sentSixty, Renewal.AddDays(-45), Defaults);

        Assert.Empty(due);
    }

    [Fact]
    public void Once_the_date_has_come_nothing_is_due()
    {
        Assert.Empty(Plan(Renewal, Contract()));
        Assert.Empty(Plan(Renewal.AddDays(3), Contract()));
    }

    [Fact]
    public void Run_daily_for_100_days_every_reminder_is_sent_once_on_its_day()
    {
        var accounts = new[]
        {
            Contract("annual"),
            Contract("auto", autoRenew: true, noticeDays: 30),
            Contract("monthly", kind: ContractKind.Monthly),
        };
        var ledger = new HashSet<ReminderKey>();
        var sent = new List<(DateOnly Day, ReminderKey Key)>();
        var start = Renewal.AddDays(-99);

        for (var day = start; day <= start.AddDays(99); day = day.AddDays(1))
        {
            foreach (var reminder in ReminderPlanner.Plan(accounts, ledger.Contains, day, Defaults))
            {
                Assert.True(ledger.Add(reminder.Key), $"{reminder.Key.Id} was planned twice");
                sent.Add((day, reminder.Key));
            }
        }

        Assert.Equal(
            [(Renewal.AddDays(-90), 90), (Renewal.AddDays(-60), 60), (Renewal.AddDays(-30), 30), (Renewal.AddDays(-7), 7)],
            sent.Where(s => s.Key.AccountId == "annual").Select(s => (s.Day, s.Key.OffsetDays)));
        var deadline = Renewal.AddDays(-30);
        Assert.Equal(
            [(deadline.AddDays(-14), 14), (deadline.AddDays(-3), 3)],
            sent.Where(s => s.Key is { AccountId: "auto", Kind: ReminderKind.NoticeDeadline }).Select(s => (s.Day, s.Key.OffsetDays)));
        Assert.Equal(4, sent.Count(s => s.Key is { AccountId: "auto", Kind: ReminderKind.Renewal }));
        Assert.DoesNotContain(sent, s => s.Key.AccountId == "monthly");
    }

    [Fact]
    public void A_renewed_contract_starts_a_fresh_set_of_reminders()
    {
        var sentForThisYear = new ReminderKey("acc-1", Renewal, ReminderKind.Renewal, 30);
        var renewed = Contract(renewal: Renewal.AddYears(1));

        var due = Assert.Single(ReminderPlanner.Plan([renewed], k => k == sentForThisYear, Renewal.AddYears(1).AddDays(-30), Defaults));

        Assert.Equal(Renewal.AddYears(1), due.Key.RenewalDate);
        Assert.NotEqual(sentForThisYear.Id, due.Key.Id);
    }

    [Fact]
    public void Configured_offsets_replace_the_defaults()
    {
        var options = new RemindersOptions { RenewalOffsetDays = [45, 10] };

        Assert.Empty(ReminderPlanner.Plan([Contract()], _ => false, Renewal.AddDays(-50), options));
        var due = Assert.Single(ReminderPlanner.Plan([Contract()], _ => false, Renewal.AddDays(-45), options));

        Assert.Equal(45, due.Key.OffsetDays);
    }

    [Fact]
    public void Offsets_must_be_positive_and_distinct()
    {
        var errors = new RemindersOptions { RenewalOffsetDays = [30, 30, 7], NoticeOffsetDays = [0, 3] }.Validate().ToList();

        Assert.Contains(errors, e => e.StartsWith("Reminders:RenewalOffsetDays") && e.Contains("30"));
        Assert.Contains(errors, e => e.StartsWith("Reminders:NoticeOffsetDays") && e.Contains("1 or more"));
    }

    [Fact]
    public void The_key_is_deterministic_and_names_its_parts()
    {
        Assert.Equal("reminder:acc-1:2026-09-30:NoticeDeadline:14", new ReminderKey("acc-1", Renewal, ReminderKind.NoticeDeadline, 14).Id);
    }
}
