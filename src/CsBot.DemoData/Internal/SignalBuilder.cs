using CsBot.Core.Accounts;
using CsBot.Core.Signals;

namespace CsBot.DemoData.Internal;

/// <summary>Simulates one account's signals from its plan. Work is linear in the days and events simulated.</summary>
internal static class SignalBuilder
{
    /// <summary>Mean of the weekly usage shape (five weekdays at 1.0, weekends at 0.6), so a 7-day average equals the target level.</summary>
    private const double WeekMean = (5.0 + 2 * 0.6) / 7.0;

    public static AccountSignals Build(AccountPlan plan, DateOnly today, int usageDays, DemoRandom rng, DemoRandom riskRng)
    {
        var lastActiveDay = plan.ChurnedOn is { } churned ? churned.AddDays(-1) : today;
        var historyStart = Max(plan.StartDate, today.AddDays(-DemoPortfolio.HistoryDays));

        var (revenue, outcomes, mrr) = Revenue(plan, today, rng);
        var usage = Usage(plan, today, usageDays, lastActiveDay, SeatSteps(plan, revenue), rng);
        var (tickets, ticketSurveys) = Tickets(plan, today, historyStart, lastActiveDay, rng);
        var surveys = Surveys(plan, today, historyStart, lastActiveDay, ticketSurveys, rng, riskRng);
        var invoices = Invoices(plan, today, historyStart, lastActiveDay, revenue, rng);

        DateOnly? renewal = null;
        if (plan.Contract != ContractKind.Monthly && plan.ChurnedOn is null)
        {
            var k = 1;
            while (plan.StartDate.AddMonths(plan.TermMonths * k) <= today) k++;
            renewal = plan.StartDate.AddMonths(plan.TermMonths * k);
        }

        var account = new Account
        {
            Id = plan.Id,
            ExternalId = plan.ExternalId,
            Name = plan.Name,
            Aliases = plan.Aliases,
            Domain = plan.Domain,
            Segment = plan.Segment,
            Plan = plan.PlanName,
            Mrr = mrr,
            ContractKind = plan.Contract,
            StartDate = plan.StartDate,
            RenewalDate = renewal,
            AutoRenew = plan.AutoRenew,
            NoticePeriodDays = plan.NoticePeriodDays,
            Owner = plan.Owner,
            Manager = DemoTeam.ManagerOf(plan.Owner),
            ChurnedOn = plan.ChurnedOn,
        };

        return new AccountSignals
        {
            Account = account,
            Usage = usage,
            Tickets = tickets,
            Surveys = surveys,
            Invoices = invoices,
            RevenueEvents = revenue,
            RenewalOutcomes = outcomes,
        };
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    // ---------------------------------------------------------------- revenue

    private enum ChangeKind { Renewal, MidTerm, ScriptedContraction }

    private static (List<RevenueEvent> Events, List<RenewalOutcome> Outcomes, decimal Mrr) Revenue(AccountPlan plan, DateOnly today, DemoRandom rng)
    {
        var events = new List<RevenueEvent>();
        var outcomes = new List<RenewalOutcome>();
        var mrr = plan.StartMrr;
        var end = plan.ChurnedOn ?? today;
        events.Add(new RevenueEvent(EventId(plan, events.Count), plan.Id, RevenueEventKind.New, mrr, plan.StartDate));

        var changes = new List<(DateOnly Date, ChangeKind Kind)>();
        if (plan.Contract != ContractKind.Monthly)
        {
            for (var k = 1; plan.StartDate.AddMonths(plan.TermMonths * k) <= end; k++)
                changes.Add((plan.StartDate.AddMonths(plan.TermMonths * k), ChangeKind.Renewal));
        }
        if (plan.RandomRevenueChanges)
        {
            for (var q = 0; ; q++)
            {
                var date = plan.StartDate.AddDays(90 * q + rng.Int(20, 89));
                if (date >= end) break;
                changes.Add((date, ChangeKind.MidTerm));
            }
        }
        if (plan.ContractionDate is { } scripted && !changes.Exists(c => c.Kind == ChangeKind.Renewal && c.Date == scripted))
            changes.Add((scripted, ChangeKind.ScriptedContraction));
        changes.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Kind.CompareTo(b.Kind));

        var quietFrom = today.AddDays(-45); // no unscripted contraction close to today
        foreach (var (date, kind) in changes)
        {
            var before = mrr;
            if (kind == ChangeKind.Renewal && plan.ChurnedOn == date)
            {
                outcomes.Add(new RenewalOutcome(OutcomeId(plan, outcomes.Count), plan.Id, date, RenewalResult.Churned, before, 0m));
                break;
            }

            decimal delta = 0;
            if (plan.ContractionDate == date && kind != ChangeKind.MidTerm)
            {
                delta = -Math.Round(mrr * (decimal)plan.ContractionShare);
            }
            else if (kind == ChangeKind.Renewal && plan.RandomRevenueChanges)
            {
                // A customer at risk rarely buys more and more often cuts, and cuts deeper.
                var harm = plan.Risk?.Harm(date, 0) ?? 0;
                var expand = 0.35 / (1 + harm);
                var roll = rng.Next();
                if (roll < expand) delta = Math.Round(mrr * (decimal)rng.Range(0.03, 0.15));
                else if (roll < expand + 0.08 * (1 + harm) && date < quietFrom)
                    delta = -Math.Round(mrr * (decimal)rng.Range(0.05, 0.15 + 0.1 * Math.Min(harm, 2)));
            }
            else if (kind == ChangeKind.MidTerm)
            {
                var harm = plan.Risk?.Harm(date, 0) ?? 0;
                var expand = 0.12 / (1 + harm);
                var roll = rng.Next();
                if (roll < expand) delta = Math.Round(mrr * (decimal)rng.Range(0.05, 0.25));
                else if (roll < expand + 0.04 * (1 + harm) && plan.Contract == ContractKind.Monthly && date < quietFrom)
                    delta = -Math.Round(mrr * (decimal)rng.Range(0.05, 0.15 + 0.1 * Math.Min(harm, 2)));
            }

            if (delta != 0 && mrr + delta > 0)
            {
                mrr += delta;
                var eventKind = delta > 0 ? RevenueEventKind.Expansion : RevenueEventKind.Contraction;
                events.Add(new RevenueEvent(EventId(plan, events.Count), plan.Id, eventKind, delta, date));
            }
            if (kind == ChangeKind.Renewal)
                outcomes.Add(new RenewalOutcome(OutcomeId(plan, outcomes.Count), plan.Id, date, RenewalResult.Renewed, before, mrr));
        }

        if (plan.ChurnedOn is { } churnedOn)
        {
            events.Add(new RevenueEvent(EventId(plan, events.Count), plan.Id, RevenueEventKind.Churn, -mrr, churnedOn));
            mrr = 0m;
        }
        return (events, outcomes, mrr);
    }

    private static string EventId(AccountPlan plan, int index) => $"rev-{plan.Number:D4}-{index + 1:D3}";
    private static string OutcomeId(AccountPlan plan, int index) => $"rnw-{plan.Number:D4}-{index + 1:D2}";

    /// <summary>Licensed seats follow MRR: each revenue change scales the seat count.</summary>
    private static (DateOnly From, int Seats)[] SeatSteps(AccountPlan plan, List<RevenueEvent> revenue)
    {
        var steps = new List<(DateOnly, int)>(revenue.Count);
        var mrr = 0m;
        foreach (var e in revenue)
        {
            mrr += e.MrrDelta;
            if (mrr <= 0) break;
            steps.Add((e.Date, Math.Max(1, (int)Math.Round(plan.StartSeats * (double)(mrr / plan.StartMrr)))));
        }
        return [.. steps];
    }

    private static decimal MrrOn(List<RevenueEvent> revenue, DateOnly day)
    {
        var mrr = 0m;
        foreach (var e in revenue)
        {
            if (e.Date > day) break;
            mrr += e.MrrDelta;
        }
        return mrr;
    }

    // ---------------------------------------------------------------- usage

    private static UsageDay[] Usage(AccountPlan plan, DateOnly today, int usageDays, DateOnly lastActiveDay, (DateOnly From, int Seats)[] seatSteps, DemoRandom rng)
    {
        var first = Max(plan.StartDate, today.AddDays(-(usageDays - 1)));
        if (lastActiveDay < first || seatSteps.Length == 0) return [];
        var simulateFrom = Max(plan.StartDate, first.AddDays(-30)); // warm-up so MAU has a 30-day history from day one

        var result = new UsageDay[lastActiveDay.DayNumber - first.DayNumber + 1];
        var ring = new int[30];
        var ringSum = 0;
        var simulated = 0;
        var step = 0;
        var index = 0;

        for (var day = simulateFrom; day <= lastActiveDay; day = day.AddDays(1))
        {
            while (step + 1 < seatSteps.Length && seatSteps[step + 1].From <= day) step++;
            var seats = seatSteps[step].Seats;
            var ago = today.DayNumber - day.DayNumber;
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var shape = (weekend ? 0.6 : 1.0) / WeekMean;
            var noise = 1.0 + 0.07 * rng.Gaussian();
            var level = plan.Utilization * seats * UsageFactor(plan, today, day, ago) * shape * noise;
            var dau = Math.Clamp((int)Math.Round(level), 0, seats);
            var loginNoise = 1.0 + 0.1 * rng.Gaussian();
            var featureNoise = 1.0 + 0.15 * rng.Gaussian();
            var logins = dau == 0 ? 0 : Math.Max(1, (int)Math.Round(dau * plan.LoginsPerActiveUser * loginNoise));
            var features = dau == 0 ? 0 : Math.Max(0, (int)Math.Round(dau * plan.KeyFeatureUsesPerActiveUser * featureNoise));

            ringSum += dau - ring[simulated % 30];
            ring[simulated % 30] = dau;
            simulated++;
            var average = ringSum / (double)Math.Min(simulated, 30);
            var mau = ringSum == 0 ? 0 : Math.Min(seats, Math.Max(dau, (int)Math.Round(average * plan.MauRatio)));

            if (day >= first) result[index++] = new UsageDay(day, dau, mau, seats, logins, features);
        }
        return result;
    }

    private static double UsageFactor(AccountPlan plan, DateOnly today, DateOnly day, int ago)
    {
        var factor = 1.0;
        var tenure = day.DayNumber - plan.StartDate.DayNumber;
        if (tenure < 14) factor *= 0.5 + 0.5 * tenure / 14.0; // onboarding ramp

        switch (plan.Kind)
        {
            case DemoScenarioKind.UsageCliff when ago <= 6:
                factor *= plan.CliffFactor;
                break;
            case DemoScenarioKind.SlowDecay when ago < 60:
                factor *= 1.0 - 0.01 * (60 - ago);
                break;
            case DemoScenarioKind.NoLogin when ago < plan.DarkDays:
                factor = 0;
                break;
            case DemoScenarioKind.Contraction when plan.ContractionDate is { } cut && day >= cut:
                factor *= 1.2; // the unused seats were the ones cut
                break;
        }
        // Engagement fades about three weeks after the risk behind it rises, and never to nothing.
        if (plan.Risk is { } risk) factor *= Math.Max(0.5, 1.0 - 0.22 * risk.Harm(day, 21));
        if (plan.WindDownDays > 0 && plan.ChurnedOn is { } leaving && leaving.DayNumber - day.DayNumber < plan.WindDownDays)
            factor *= 1.0 - 0.5 * (plan.WindDownDays - (leaving.DayNumber - day.DayNumber)) / plan.WindDownDays;
        return factor;
    }

    // ---------------------------------------------------------------- tickets

    private static (List<SupportTicket> Tickets, List<(DateOnly Date, bool Ces)> Follow) Tickets(
        AccountPlan plan, DateOnly today, DateOnly historyStart, DateOnly lastActiveDay, DemoRandom rng)
    {
        var raw = new List<(DateTimeOffset Opened, DateTimeOffset? Closed, TicketSeverity Severity)>();
        var todayStart = At(today, 0, 0);
        var lastDay = lastActiveDay < today ? lastActiveDay : today.AddDays(-1);
        DateTimeOffset? closeCap = plan.ChurnedOn is { } churned ? At(churned, 0, 0) : null;
        var follow = new List<(DateOnly, bool)>();

        var ratePerDay = (0.4 + Math.Sqrt(plan.StartSeats) / 8.0) / 30.0;
        // A customer at risk files more tickets, and worse ones, about ten days after the risk rises: the gaps between
        // tickets are drawn at the base rate and shortened by the risk at the time.
        double Speed(double offset) => 1.0 + 0.8 * (plan.Risk?.Harm(historyStart.AddDays((int)offset), 10) ?? 0);
        for (var offset = rng.ExponentialDays(ratePerDay); ; offset += rng.ExponentialDays(ratePerDay) / Speed(offset))
        {
            var day = historyStart.AddDays((int)offset);
            if (day > lastDay) break;
            var ago = today.DayNumber - day.DayNumber;
            var roll = Math.Min(0.999, rng.Next() + 0.05 * (plan.Risk?.Harm(day, 10) ?? 0));
            var severity = roll < 0.45 ? TicketSeverity.Low : roll < 0.80 ? TicketSeverity.Medium : roll < 0.97 ? TicketSeverity.High : TicketSeverity.Critical;
            var hours = severity switch
            {
                TicketSeverity.Low => rng.Range(24, 240),
                TicketSeverity.Medium => rng.Range(12, 168),
                TicketSeverity.High => rng.Range(4, 72),
                _ => rng.Range(2, 24),
            };
            var opened = At(day, rng.Int(7, 18), rng.Int(0, 59));
            var followRoll = rng.Next();
            if (plan.Kind == DemoScenarioKind.NoLogin && ago < plan.DarkDays) continue; // nobody around to file tickets
            // Only the critical-tickets scenario may have critical tickets still open today.
            if (severity == TicketSeverity.Critical && ago <= 3) severity = TicketSeverity.High;

            DateTimeOffset? closed = opened.AddHours(hours);
            if (closeCap is { } cap && closed > cap) closed = cap;
            if (closed >= todayStart) closed = null;
            raw.Add((opened, closed, severity));
            if (closed is { } c)
            {
                if (followRoll < 0.5) follow.Add((DateOnly.FromDateTime(c.UtcDateTime), false));
                else if (followRoll < 0.65) follow.Add((DateOnly.FromDateTime(c.UtcDateTime), true));
            }
        }

        void Open(int daysAgo, TicketSeverity severity, int hour) => raw.Add((At(today.AddDays(-daysAgo), hour, 15), null, severity));
        switch (plan.Kind)
        {
            case DemoScenarioKind.SlowDecay:
                Open(18, TicketSeverity.High, 10);
                Open(9, TicketSeverity.High, 14);
                Open(5, TicketSeverity.Medium, 11);
                break;
            case DemoScenarioKind.RenewalAtRisk:
                Open(40, TicketSeverity.High, 9);
                Open(34, TicketSeverity.High, 16);
                Open(45, TicketSeverity.Medium, 13);
                break;
            case DemoScenarioKind.CriticalTickets:
                foreach (var daysAgo in plan.CriticalTicketDaysAgo) Open(daysAgo, TicketSeverity.Critical, 8 + daysAgo);
                break;
        }

        raw.Sort((a, b) => a.Opened != b.Opened ? a.Opened.CompareTo(b.Opened) : a.Severity.CompareTo(b.Severity));
        var tickets = new List<SupportTicket>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
            tickets.Add(new SupportTicket($"tkt-{plan.Number:D4}-{i + 1:D3}", plan.Id, raw[i].Severity, raw[i].Opened, raw[i].Closed));
        return (tickets, follow);
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute) =>
        new(day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc));

    // ---------------------------------------------------------------- surveys

    private static List<SurveyResponse> Surveys(AccountPlan plan, DateOnly today, DateOnly historyStart, DateOnly lastActiveDay,
        List<(DateOnly Date, bool Ces)> ticketFollowUps, DemoRandom rng, DemoRandom riskRng)
    {
        var raw = new List<(DateOnly Date, SurveyKind Kind, int Score, string Respondent)>();
        var end = lastActiveDay < today ? lastActiveDay : today;

        // Relationship NPS, surveyed about every quarter.
        var respondents = plan.Segment switch { "Enterprise" => (2, 4), "Mid-Market" => (1, 2), _ => (1, 1) };
        for (var day = historyStart.AddDays(rng.Int(0, 89)); day <= end; day = day.AddDays(90))
        {
            var count = rng.Int(respondents.Item1, respondents.Item2);
            var answered = rng.Chance(0.8);
            for (var r = 0; r < count; r++)
            {
                var score = NpsScore(plan, today, day, rng, riskRng);
                var who = Respondent(plan, rng);
                if (answered) raw.Add((day, SurveyKind.Nps, score, who));
            }
        }

        // Transactional CSAT / CES after closed tickets.
        foreach (var (date, ces) in ticketFollowUps)
        {
            if (date > end) continue;
            var who = Respondent(plan, rng);
            raw.Add(ces ? (date, SurveyKind.Ces, CesScore(plan, today, date, rng), who) : (date, SurveyKind.Csat, CsatScore(plan, today, date, rng, riskRng), who));
        }

        if (plan.Kind == DemoScenarioKind.NpsDetractor)
            raw.Add((today.AddDays(-plan.DetractorDaysAgo), SurveyKind.Nps, plan.DetractorScore, $"operations.lead@{plan.Domain}"));

        raw.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : string.CompareOrdinal(a.Respondent, b.Respondent));
        var surveys = new List<SurveyResponse>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
            surveys.Add(new SurveyResponse($"srv-{plan.Number:D4}-{i + 1:D3}", plan.Id, raw[i].Kind, raw[i].Score, raw[i].Date, raw[i].Respondent));
        return surveys;
    }

    private static string Respondent(AccountPlan plan, DemoRandom rng) =>
        $"{rng.Pick(PeopleNames.First)}.{rng.Pick(PeopleNames.Last)}@{plan.Domain}";

    private static int NpsScore(AccountPlan plan, DateOnly today, DateOnly day, DemoRandom rng, DemoRandom riskRng)
    {
        var ago = today.DayNumber - day.DayNumber;
        var roll = rng.Next();
        var pick = rng.Next();
        int score;
        if (plan.Kind == DemoScenarioKind.RenewalAtRisk)
            score = roll < 0.2 ? 9 : roll < 0.65 ? (pick < 0.5 ? 7 : 8) : 4 + (int)(pick * 3);
        else if (plan.Kind == DemoScenarioKind.LowSeatUtilization)
            score = roll < 0.4 ? 9 + (int)(pick * 2) : roll < 0.85 ? 7 + (int)(pick * 2) : 5 + (int)(pick * 2);
        else if (plan.Kind == DemoScenarioKind.SlowDecay && ago < 60)
            score = 7;
        else
            score = roll < 0.65 ? 9 + (int)(pick * 2) : roll < 0.95 ? 7 + (int)(pick * 2) : 5 + (int)(pick * 2);

        // Sentiment follows the risk of a month before, person by person: some respondents hardly notice.
        if (plan.Risk is { } risk)
            score = Math.Clamp(score - (int)Math.Round(risk.Harm(day, 30) * riskRng.Range(0.4, 2.2)), 0, 10);

        // Recent detractors belong to the nps-detractor scenario only.
        if (score <= 6 && ago <= 31 && plan.Kind != DemoScenarioKind.Churned) score = 7;
        return score;
    }

    private static int CsatScore(AccountPlan plan, DateOnly today, DateOnly day, DemoRandom rng, DemoRandom riskRng)
    {
        var ago = today.DayNumber - day.DayNumber;
        var roll = rng.Next();
        var score = plan.Kind switch
        {
            DemoScenarioKind.RenewalAtRisk => roll < 0.5 ? 3 : 4,
            DemoScenarioKind.SlowDecay when ago < 60 => roll < 0.5 ? 3 : 4,
            _ => roll < 0.55 ? 5 : roll < 0.92 ? 4 : 3,
        };
        // At most a point lower: a ticket well solved still pleases an unhappy customer.
        if (plan.Risk is { } risk && riskRng.Chance(Math.Min(0.8, 0.3 * risk.Harm(day, 15)))) score = Math.Max(1, score - 1);
        return score;
    }

    private static int CesScore(AccountPlan plan, DateOnly today, DateOnly day, DemoRandom rng)
    {
        var roll = rng.Next();
        return plan.Kind is DemoScenarioKind.Healthy
            ? (roll < 0.5 ? 7 : roll < 0.85 ? 6 : 5)
            : (roll < 0.3 ? 6 : roll < 0.7 ? 5 : roll < 0.9 ? 4 : 3);
    }

    // ---------------------------------------------------------------- invoices

    private static List<Invoice> Invoices(AccountPlan plan, DateOnly today, DateOnly historyStart, DateOnly lastActiveDay,
        List<RevenueEvent> revenue, DemoRandom rng)
    {
        var invoices = new List<Invoice>();
        var monthly = plan.Contract == ContractKind.Monthly;
        var netDays = plan.Segment == "SMB" ? 15 : 30;
        for (var k = 0; ; k++)
        {
            var issued = monthly ? plan.StartDate.AddMonths(k) : plan.StartDate.AddYears(k);
            if (issued > lastActiveDay) break;
            var late = plan.Kind == DemoScenarioKind.RenewalAtRisk ? rng.Int(4, 14) : rng.Chance(0.8) ? -rng.Int(0, 10) : rng.Int(1, 8);
            // Payments slip as the risk rises (a budget under review), but not into overdue territory.
            if (plan.Risk is { } risk) late += (int)Math.Round(5 * Math.Min(risk.Harm(issued, 0), 3));
            if (issued < historyStart) continue;

            var due = issued.AddDays(netDays);
            var amount = MrrOn(revenue, issued) * (monthly ? 1 : 12);
            DateOnly? paid = due.AddDays(late);
            if (paid <= issued) paid = issued.AddDays(1);
            if (paid > today) paid = null;
            if (plan.UnpaidDueFrom is { } unpaidFrom && due >= unpaidFrom && due < today) paid = null;
            invoices.Add(new Invoice($"inv-{plan.Number:D4}-{invoices.Count + 1:D3}", plan.Id, amount, issued, due, paid));
        }
        return invoices;
    }
}
