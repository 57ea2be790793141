using CsBot.Application.Access;
using CsBot.Core.Accounts;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Querying;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Asking;

/// <summary>
/// One fact of one account in one short message, with the numbers behind it: "Hooli renews on 2027-03-14 (in 108
/// days)", then ARR, owner and health on one line. A fact the data does not hold is said to be missing, never made up.
/// ARR and MRR are revenue: whoever may not see revenue here is refused them, and other facts leave money out.
/// </summary>
public static class FactAnswers
{
    private const int UsageWindowDays = 30;

    /// <param name="latest">The account's latest stored score; null when it has none yet.</param>
    public static ChatMessage Fact(AskContext ctx, AccountSignals signals, HealthScore? latest)
    {
        var account = signals.Account;
        var fact = ctx.Question.Fact ?? AccountFactKind.Owner;
        var withheld = ctx.Access.RevenueRefusal(ctx.Role, ctx.Asker);
        if (fact is AccountFactKind.Arr or AccountFactKind.Mrr && withheld is not null)
            return HelpMessages.Refused(RevenueRefusal(account, fact, ctx.Role));

        var money = withheld is null;
        var currency = ctx.Currency;
        var details = new List<string>();
        var moneyLeftOut = false;
        void Money(string label, decimal amount)
        {
            if (money) details.Add($"{label} {Format.Money(amount, currency)}");
            else moneyLeftOut = true;
        }
        void Health()
        {
            if (latest is not null) details.Add($"health {latest.Score} ({latest.Band})");
        }

        string title;
        switch (fact)
        {
            case AccountFactKind.RenewalDate:
                title = Renewal(account, ctx.Today, details);
                Money("ARR", account.Arr);
                details.Add($"owner {account.Owner.Name}");
                Health();
                break;
            case AccountFactKind.Owner:
                title = $"{account.Name} is owned by {account.Owner.Name} ({account.Owner.Email})";
                if (account.Manager is { } manager) details.Add($"manager {manager.Name}");
                details.Add($"segment {account.Segment}");
                Health();
                break;
            case AccountFactKind.Arr:
                title = $"{account.Name}'s ARR is {Format.Money(account.Arr, currency)}";
                Money("MRR", account.Mrr);
                details.Add(RenewalShort(account, ctx.Today));
                details.Add($"owner {account.Owner.Name}");
                break;
            case AccountFactKind.Mrr:
                title = $"{account.Name}'s MRR is {Format.Money(account.Mrr, currency)}";
                Money("ARR", account.Arr);
                if (account.Plan.Length > 0) details.Add($"{account.Plan} plan");
                details.Add($"owner {account.Owner.Name}");
                break;
            case AccountFactKind.Seats:
                title = Seats(signals, ctx.Today, details);
                if (account.Plan.Length > 0) details.Add($"{account.Plan} plan");
                break;
            case AccountFactKind.Segment:
                title = $"{account.Name} is in the {account.Segment} segment";
                if (account.Plan.Length > 0) details.Add($"{account.Plan} plan");
                Money("ARR", account.Arr);
                details.Add($"owner {account.Owner.Name}");
                break;
            case AccountFactKind.Plan:
                title = account.Plan.Length > 0
                    ? $"{account.Name} is on the {account.Plan} plan"
                    : $"I don't have a plan for {account.Name}: its CRM record has none";
                if (LatestUsage(signals, ctx.Today) is { LicensedSeats: > 0 } day) details.Add(Format.Count(day.LicensedSeats, "licensed seat"));
                Money("MRR", account.Mrr);
                details.Add($"segment {account.Segment}");
                break;
            case AccountFactKind.LastLogin:
                title = LastLogin(signals, ctx.Today, details);
                break;
            default:
                title = OpenTickets(signals, ctx.Today, details);
                Health();
                break;
        }

        var sections = new List<MessageSection>
        {
            new() { Text = details.Count == 0 ? null : Capitalise(string.Join("; ", details)), Account = new AccountLink(account.Id, account.Name) },
        };
        return new ChatMessage
        {
            Title = title,
            FallbackText = title,
            Sections = sections,
            Actions = [new MessageAction(ActionKind.Choose, "Health", $"health of {account.Name}")],
            Context = moneyLeftOut ? [withheld!] : [],
        };
    }

    /// <summary>A question that asks <paramref name="fact"/> of the account called <paramref name="name"/>, for "did you mean" buttons.</summary>
    public static string Question(AccountFactKind fact, string name) => fact switch
    {
        AccountFactKind.RenewalDate => $"when does {name} renew",
        AccountFactKind.Owner => $"who owns {name}",
        AccountFactKind.Arr => $"ARR of {name}",
        AccountFactKind.Mrr => $"MRR of {name}",
        AccountFactKind.Seats => $"how many seats does {name} have",
        AccountFactKind.Segment => $"which segment is {name} in",
        AccountFactKind.Plan => $"what plan is {name} on",
        AccountFactKind.LastLogin => $"when did someone at {name} last log in",
        _ => $"how many open tickets does {name} have",
    };

    private static string RevenueRefusal(Account account, AccountFactKind fact, Role role)
    {
        var what = fact == AccountFactKind.Arr ? "ARR" : "MRR";
        return role == Role.Csm
            ? $"{account.Name}'s {what} is a revenue figure, which only managers can see here."
            : $"{account.Name}'s {what} is a revenue figure; ask me in a direct message so it is not shown to the whole channel.";
    }

    private static string Renewal(Account account, DateOnly today, List<string> details)
    {
        if (account.ChurnedOn is { } churned && churned <= today) return $"{account.Name} churned on {Format.Date(churned)}; it has no renewal ahead";
        // The next renewal rolls forward by the contract term once the CRM's date has passed (Account.NextRenewalOn).
        if (account.NextRenewalOn(today) is not { } renewal) return $"{account.Name} has no renewal date: it is on a monthly contract that rolls over";
        var days = renewal.DayNumber - today.DayNumber;
        if (days < 0) return $"{account.Name}'s renewal date {Format.Date(renewal)} passed {Format.Count(-days, "day")} ago, and the CRM has no new one";
        if (account.NoticeDeadlineOn(today) is { } notice) details.Add($"auto-renews; notice deadline {Format.Date(notice)}");
        return $"{account.Name} renews on {Format.Date(renewal)} ({InDays(days)})";
    }

    private static string RenewalShort(Account account, DateOnly today) => account.NextRenewalOn(today) is { } renewal && renewal >= today
        ? $"renews {Format.Date(renewal)} ({InDays(renewal.DayNumber - today.DayNumber)})"
        : "no renewal date";

    private static string InDays(int days) => days switch
    {
        0 => "today",
        1 => "tomorrow",
        _ => $"in {Format.Count(days)} days",
    };

    private static string Ago(int days) => days switch
    {
        0 => "today",
        1 => "yesterday",
        _ => $"{Format.Count(days)} days ago",
    };

    private static UsageDay? LatestUsage(AccountSignals signals, DateOnly today)
    {
        for (var i = signals.Usage.Length - 1; i >= 0; i--)
            if (signals.Usage[i].Date <= today) return signals.Usage[i];
        return null;
    }

    private static string Seats(AccountSignals signals, DateOnly today, List<string> details)
    {
        var name = signals.Account.Name;
        if (LatestUsage(signals, today) is not { LicensedSeats: > 0 } day)
            return $"I don't have seat numbers for {name}: no product usage has been received for it";
        var seats = day.LicensedSeats;
        var active = Math.Min(day.MonthlyActiveUsers, seats);
        details.Add($"{Format.Count(active)} of {Format.Count(seats)} active in the {UsageWindowDays} days to {Format.Date(day.Date)} ({Format.Percent(100m * active / seats, 0)})");
        return $"{name} has {Format.Count(seats, "licensed seat")}";
    }

    private static string LastLogin(AccountSignals signals, DateOnly today, List<string> details)
    {
        var name = signals.Account.Name;
        var usage = signals.Usage;
        if (usage.Length == 0 || usage[0].Date > today) return $"I don't have login data for {name}: no product usage has been received for it";
        UsageDay? last = null;
        for (var i = usage.Length - 1; i >= 0 && last is null; i--)
            if (usage[i].Date <= today && usage[i].Logins > 0) last = usage[i];
        if (last is not { } day) return $"No one at {name} has logged in since {Format.Date(usage[0].Date)}, as far back as its usage data goes";

        var weekLogins = usage.Where(u => u.Date > today.AddDays(-7) && u.Date <= today).Sum(u => u.Logins);
        details.Add($"{Format.Count(day.Logins, "login")} by {Format.Count(day.ActiveUsers, "active user")} that day");
        details.Add($"{Format.Count(weekLogins, "login")} in the last 7 days");
        return $"Someone at {name} last logged in on {Format.Date(day.Date)} ({Ago(today.DayNumber - day.Date.DayNumber)})";
    }

    private static string OpenTickets(AccountSignals signals, DateOnly today, List<string> details)
    {
        var name = signals.Account.Name;
        var load = SupportLoad.At(signals.Tickets, today);
        if (load.Open == 0)
            return signals.Tickets.Count == 0
                ? $"{name} has no open tickets (no support tickets have been received for it)"
                : $"{name} has no open tickets";
        var bySeverity = new List<string>();
        if (load.Critical > 0) bySeverity.Add($"{Format.Count(load.Critical)} critical");
        if (load.High > 0) bySeverity.Add($"{Format.Count(load.High)} high");
        if (load.Medium > 0) bySeverity.Add($"{Format.Count(load.Medium)} medium");
        if (load.Low > 0) bySeverity.Add($"{Format.Count(load.Low)} low");
        details.Add(string.Join(", ", bySeverity));
        details.Add($"oldest open {Format.Count(load.OldestDaysOpen, "day")}");
        return $"{name} has {Format.Count(load.Open, "open ticket")}";
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
