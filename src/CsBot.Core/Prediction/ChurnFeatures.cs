using CsBot.Core.Accounts;
using CsBot.Core.Signals;

namespace CsBot.Core.Prediction;

/// <summary>
/// The numbers a churn model sees about one account as of a snapshot day, computed strictly from what was known before
/// that day: signals dated before it, tickets and invoices as they stood then, revenue summed from the events before it.
/// Fields the CRM holds only as they are today (current MRR, renewal date, churn date) are never read, so the same
/// builder serves past snapshots for training and today's for scoring. Missing values (no survey yet) are NaN.
/// </summary>
public static class ChurnFeatures
{
    /// <summary>Feature names, in the order of <see cref="Compute"/>'s values.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "seat utilisation (30 days)",
        "seat utilisation change vs the 60 days before",
        "logins per active user (30 days)",
        "login trend vs the 60 days before",
        "key feature uses per active user (30 days)",
        "days since anyone logged in",
        "tickets opened (90 days)",
        "high or critical tickets opened (90 days)",
        "tickets open",
        "average NPS (180 days)",
        "NPS change vs the 180 days before",
        "average CSAT (90 days)",
        "average days paid late (365 days)",
        "days an unpaid invoice is overdue",
        "days to renewal",
        "contract kind",
        "MRR",
        "MRR change (90 days)",
        "MRR change (365 days)",
        "months as a customer",
    ];

    public static int Count => Names.Count;

    /// <summary>Whether the account was a customer on <paramref name="day"/> with at least a month behind it.</summary>
    public static bool IsScorable(Account account, DateOnly day) =>
        account.StartDate.AddDays(30) <= day && (account.ChurnedOn is null || account.ChurnedOn > day);

    /// <summary>The features as of <paramref name="day"/> (data dated on or after it is ignored).</summary>
    public static float[] Compute(AccountSignals signals, DateOnly day)
    {
        var values = new float[Count];
        Usage(signals.Usage, day, values);
        Tickets(signals.Tickets, day, values);
        Surveys(signals.Surveys, day, values);
        Invoices(signals.Invoices, day, values);
        Contract(signals.Account, day, values);
        Revenue(signals.RevenueEvents, day, values);
        values[19] = (day.DayNumber - signals.Account.StartDate.DayNumber) / 30.44f;
        return values;
    }

    private static void Usage(UsageDay[] usage, DateOnly day, float[] values)
    {
        // Usage is sorted by date: the last day before the snapshot, then back over 90 days.
        var end = UpperBound(usage, day);
        double active30 = 0, seats30 = 0, logins30 = 0, features30 = 0, active60 = 0, seats60 = 0, logins60 = 0;
        int days30 = 0, days60 = 0;
        var lastLogin = -1;
        for (var i = end - 1; i >= 0; i--)
        {
            var u = usage[i];
            var ago = day.DayNumber - u.Date.DayNumber;
            if (lastLogin < 0 && u.Logins > 0) lastLogin = ago;
            if (ago > 90) break;
            if (ago <= 30)
            {
                active30 += u.ActiveUsers; seats30 += u.LicensedSeats; logins30 += u.Logins; features30 += u.KeyFeatureUses; days30++;
            }
            else
            {
                active60 += u.ActiveUsers; seats60 += u.LicensedSeats; logins60 += u.Logins; days60++;
            }
        }
        if (days30 == 0)
        {
            for (var k = 0; k <= 5; k++) values[k] = float.NaN;
            return;
        }
        var util30 = seats30 > 0 ? active30 / seats30 : 0;
        values[0] = (float)util30;
        values[1] = days60 > 0 && seats60 > 0 ? (float)(util30 - active60 / seats60) : float.NaN;
        values[2] = active30 > 0 ? (float)(logins30 / active30) : 0;
        values[3] = days60 > 0 && logins60 > 0 ? (float)(logins30 / days30 / (logins60 / days60)) : float.NaN;
        values[4] = active30 > 0 ? (float)(features30 / active30) : 0;
        values[5] = lastLogin < 0 ? 90 : Math.Min(lastLogin, 90);
    }

    private static int UpperBound(UsageDay[] usage, DateOnly day)
    {
        int lo = 0, hi = usage.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (usage[mid].Date < day) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static void Tickets(IReadOnlyList<SupportTicket> tickets, DateOnly day, float[] values)
    {
        var at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var from = at.AddDays(-90);
        int opened = 0, severe = 0, open = 0;
        // Indexed, not foreach: over an IReadOnlyList a foreach allocates an enumerator per account and call.
        for (var k = 0; k < tickets.Count; k++)
        {
            var t = tickets[k];
            if (t.Opened >= at) continue;
            if (t.Opened >= from)
            {
                opened++;
                if (t.Severity is TicketSeverity.High or TicketSeverity.Critical) severe++;
            }
            if (t.IsOpenAt(at)) open++;
        }
        values[6] = opened;
        values[7] = severe;
        values[8] = open;
    }

    private static void Surveys(IReadOnlyList<SurveyResponse> surveys, DateOnly day, float[] values)
    {
        double nps = 0, npsBefore = 0, csat = 0;
        int npsCount = 0, npsBeforeCount = 0, csatCount = 0;
        for (var k = 0; k < surveys.Count; k++)
        {
            var s = surveys[k];
            if (s.Date >= day) continue;
            var ago = day.DayNumber - s.Date.DayNumber;
            if (s.Kind == SurveyKind.Nps && ago <= 180) { nps += s.Score; npsCount++; }
            else if (s.Kind == SurveyKind.Nps && ago <= 360) { npsBefore += s.Score; npsBeforeCount++; }
            else if (s.Kind == SurveyKind.Csat && ago <= 90) { csat += s.Score; csatCount++; }
        }
        values[9] = npsCount > 0 ? (float)(nps / npsCount) : float.NaN;
        values[10] = npsCount > 0 && npsBeforeCount > 0 ? (float)(nps / npsCount - npsBefore / npsBeforeCount) : float.NaN;
        values[11] = csatCount > 0 ? (float)(csat / csatCount) : float.NaN;
    }

    private static void Invoices(IReadOnlyList<Invoice> invoices, DateOnly day, float[] values)
    {
        double late = 0;
        int paid = 0, overdue = 0;
        for (var k = 0; k < invoices.Count; k++)
        {
            var i = invoices[k];
            if (i.IssuedOn >= day) continue;
            if (i.PaidOn is { } on && on < day)
            {
                if (day.DayNumber - on.DayNumber <= 365) { late += on.DayNumber - i.DueDate.DayNumber; paid++; }
            }
            else if (day > i.DueDate)
            {
                overdue = Math.Max(overdue, day.DayNumber - i.DueDate.DayNumber);
            }
        }
        values[12] = paid > 0 ? (float)(late / paid) : float.NaN;
        values[13] = overdue;
    }

    private static void Contract(Account account, DateOnly day, float[] values)
    {
        values[15] = account.ContractKind switch { ContractKind.Monthly => 0, ContractKind.Annual => 1, _ => 2 };
        // The next term end from the start date and the term: the CRM's renewal date is today's, not the snapshot's.
        if (account.ContractKind == ContractKind.Monthly)
        {
            var next = account.StartDate;
            while (next < day) next = next.AddMonths(1);
            values[14] = next.DayNumber - day.DayNumber;
        }
        else if (account.TermMonths is { } term)
        {
            var k = 1;
            while (account.StartDate.AddMonths(term * k) < day) k++;
            values[14] = account.StartDate.AddMonths(term * k).DayNumber - day.DayNumber;
        }
        else values[14] = float.NaN;
    }

    private static void Revenue(IReadOnlyList<RevenueEvent> events, DateOnly day, float[] values)
    {
        decimal now = 0, ago90 = 0, ago365 = 0;
        var d90 = day.AddDays(-90);
        var d365 = day.AddDays(-365);
        for (var k = 0; k < events.Count; k++)
        {
            var e = events[k];
            if (e.Date >= day) continue;
            now += e.MrrDelta;
            if (e.Date < d90) ago90 += e.MrrDelta;
            if (e.Date < d365) ago365 += e.MrrDelta;
        }
        values[16] = (float)now;
        values[17] = ago90 > 0 ? (float)((now - ago90) / ago90) : 0;
        values[18] = ago365 > 0 ? (float)((now - ago365) / ago365) : 0;
    }
}
