using CsBot.Application.ReadModel;
using CsBot.Core;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Querying;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;

namespace CsBot.Application.Asking;

/// <summary>
/// "accounts with open critical tickets", "detractors this month", "renewals at risk": the accounts one churn-risk rule
/// flags, each with the number behind it ("Hooli: 2 critical tickets open (oldest 9 days)"), worst first. The rule's own
/// check and configured threshold decide, so the list agrees with the alerts; a period, where the signal happens in
/// one, replaces the rule's window. Overdue invoices keep their own list (<see cref="ListAnswers.OverdueInvoices"/>).
/// </summary>
public static class SignalAnswers
{
    public static ChatMessage List(AskContext ctx, BoardScope scope, string scopeLabel, RuleEvaluator rules)
    {
        if (ctx.Question.Signal is not { } signal) return HelpMessages.NotUnderstood(ctx.Question.Text);
        var kind = RuleKindOf(signal);
        var definitions = rules.Definitions.Where(d => d is not null && d.Enabled && d.Kind == kind).ToList();
        var what = Describe(signal);
        if (definitions.Count == 0)
        {
            var off = $"No rule watches for {what} here";
            return new ChatMessage
            {
                Title = off,
                FallbackText = off,
                Sections = [new MessageSection { Text = $"The {RuleNames.Of(kind)} rule is turned off in the configuration, so I don't track which accounts show it." }],
            };
        }

        var period = ctx.Question.Period;
        if (period is { } p && p.From > ctx.Today && kind is RuleKind.NpsDetractor or RuleKind.Contraction)
        {
            var notYet = $"{PeriodLabel.Describe(p)} hasn't started yet";
            return new ChatMessage { Title = notYet, FallbackText = notYet, Sections = [new MessageSection { Text = $"Ask about {what} so far, e.g. \"{Example(signal)}\"." }] };
        }

        var board = scope.Board;
        var asOf = ctx.Today;
        // Detractors and contraction happen in a window: a period asked for is the window, ending on its last day.
        if (period is { } window && kind is RuleKind.NpsDetractor or RuleKind.Contraction)
        {
            asOf = window.To < ctx.Today ? window.To : ctx.Today;
            definitions = [.. definitions.Select(d => d.WithDays(asOf.DayNumber - window.From.DayNumber + 1))];
        }
        // Renewals at risk look ahead: up to the end of the period asked for, and not before its start.
        var renewsFrom = -1;
        if (period is { } ahead && kind == RuleKind.RenewalAtRisk)
        {
            renewsFrom = ahead.From.DayNumber;
            definitions = [.. definitions.Select(d => d.WithDays(Math.Max(0, ahead.To.DayNumber - ctx.Today.DayNumber)))];
        }

        var hitsByRule = definitions.Select(d => board.RuleHits(d, asOf, rules)).ToList();
        var worstFirst = WorstFirst(kind);
        var rows = new TopRows<(int Index, RuleHit Hit)>(ListPages.RowsUpTo(ctx.Page), (x, y) =>
        {
            var c = worstFirst(x.Hit.Observed, y.Hit.Observed);
            if (c == 0) c = y.Hit.Severity.CompareTo(x.Hit.Severity);
            if (c == 0) c = board.Entries[y.Index].Arr.CompareTo(board.Entries[x.Index].Arr);
            return c != 0 ? c : StringComparer.OrdinalIgnoreCase.Compare(board.Accounts[x.Index].Name, board.Accounts[y.Index].Name);
        });
        var entries = board.Entries;
        Severity? worstSeen = null;
        for (var i = 0; i < entries.Length; i++)
        {
            RuleHit? hit = null;
            foreach (var hits in hitsByRule)
                if (hits[i] is { } h && (hit is null || h.Severity > hit.Severity)) hit = h;
            if (hit is null || !scope.Includes(entries[i])) continue;
            if (renewsFrom >= 0 && entries[i].Renewal < renewsFrom) continue;
            rows.Add((i, hit));
            if (worstSeen is null || hit.Severity > worstSeen) worstSeen = hit.Severity;
        }

        var withheld = ctx.Access.RevenueRefusal(ctx.Role, ctx.Asker);
        var when = period is { } shown ? " " + (ctx.Question.PeriodText ?? PeriodLabel.Describe(shown)) : "";
        var title = rows.Seen == 0
            ? $"No accounts with {what}{when}{scopeLabel}"
            : $"{Format.Count(rows.Seen, "account")} with {what}{when}{scopeLabel}";
        if (ctx.Page > 0 && rows.Seen > 0 && ListPages.Of(rows.Best, ctx.Page).Count == 0) return ListPages.AllShown(title, rows.Seen);
        var sections = ListPages.Of(rows.Best, ctx.Page).Select(r =>
        {
            var account = board.Accounts[r.Index];
            // A renewal at risk already says its health: each value once per answer.
            var fields = new List<MessageField>();
            if (r.Hit.Kind != RuleKind.RenewalAtRisk) fields.Add(new("Health", ListAnswers.Health(board.LatestScores[r.Index])));
            if (withheld is null) fields.Add(new("ARR", Format.Money(account.Arr, ctx.Currency)));
            fields.Add(new("Owner", account.Owner.Name));
            return new MessageSection
            {
                Heading = $"{account.Name}: {Reason(r.Hit, withheld is not null)}",
                Fields = fields,
                Account = new AccountLink(account.Id, account.Name),
                Actions = [new MessageAction(ActionKind.Why, "Why?", account.Id)],
            };
        }).ToList();

        var context = ListPages.Context(rows.Seen, ctx.Page, sections.Count);
        if (rows.Seen > 0) context.Add($"Listed by the {RuleNames.Of(kind)} rule, as its alerts are: {Threshold(definitions[0])}");
        if (withheld is not null && rows.Seen > 0) context.Add(withheld);
        return new ChatMessage
        {
            Title = title,
            FallbackText = title,
            Severity = rows.Seen == 0 ? null : worstSeen,
            Sections = sections,
            Context = context,
            Actions = ListPages.Actions(rows.Seen, ctx.Page, sections.Count),
        };
    }

    /// <summary>What a list question with this signal lists, as "there are no ... in your book" reads it.</summary>
    public static string Describe(ListSignal signal) => signal switch
    {
        ListSignal.OverdueInvoices => "overdue invoices",
        ListSignal.CriticalTickets => "open critical tickets",
        ListSignal.NoLogin => "no recent logins",
        ListSignal.NpsDetractor => "NPS detractors",
        ListSignal.LowSeatUtilization => "low seat utilisation",
        ListSignal.UsageCliff => "a usage cliff",
        ListSignal.Contraction => "MRR contraction",
        ListSignal.RenewalAtRisk => "a renewal at risk",
        _ => signal.ToString(),
    };

    public static RuleKind RuleKindOf(ListSignal signal) => signal switch
    {
        ListSignal.OverdueInvoices => RuleKind.InvoiceOverdue,
        ListSignal.CriticalTickets => RuleKind.OpenCriticalTickets,
        ListSignal.NoLogin => RuleKind.NoLogin,
        ListSignal.NpsDetractor => RuleKind.NpsDetractor,
        ListSignal.LowSeatUtilization => RuleKind.SeatUtilizationBelow,
        ListSignal.UsageCliff => RuleKind.UsageDrop,
        ListSignal.Contraction => RuleKind.Contraction,
        ListSignal.RenewalAtRisk => RuleKind.RenewalAtRisk,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, null),
    };

    /// <summary>
    /// Worst first by what the rule measured: more critical tickets, longer without a login, a lower NPS answer, lower
    /// seat use, a steeper usage fall, a larger contraction, a sooner renewal.
    /// </summary>
    private static Comparison<double> WorstFirst(RuleKind kind) => kind switch
    {
        RuleKind.NpsDetractor or RuleKind.SeatUtilizationBelow or RuleKind.RenewalAtRisk => (x, y) => x.CompareTo(y),
        _ => (x, y) => y.CompareTo(x),
    };

    /// <summary>The rule's sentence; a contraction's without its amounts where revenue may not be shown.</summary>
    private static string Reason(RuleHit hit, bool withoutMoney) =>
        withoutMoney && hit.Kind == RuleKind.Contraction ? $"MRR contracted {Format.Whole(hit.Observed)}%" : hit.Reason;

    /// <summary>The configured test in words: "2 or more open", "14 days or more", "below 30%".</summary>
    private static string Threshold(RuleDefinition rule) => rule.Kind switch
    {
        RuleKind.OpenCriticalTickets => $"{Format.Count(rule.Count ?? 1, "critical ticket")} or more open",
        RuleKind.NoLogin => $"no login for {Format.Count(rule.Days ?? 0, "day")} or more",
        RuleKind.NpsDetractor => $"an NPS answer of 0-6 in {Format.Count(rule.Days ?? 0, "day")}",
        RuleKind.SeatUtilizationBelow => $"seat utilisation below {Format.One(rule.Percent ?? 0)}% over the last {HealthScorer.RecentDays} days",
        RuleKind.UsageDrop => $"active users down {Format.One(rule.Percent ?? 0)}% or more over {rule.RecentDays ?? HealthScorer.RecentDays} days against the {rule.BaselineDays ?? HealthScorer.BaselineDays} before",
        RuleKind.Contraction => $"MRR down {Format.One(rule.Percent ?? 0)}% or more by contraction in {Format.Count(rule.Days ?? 0, "day")}",
        RuleKind.RenewalAtRisk => $"renewing within {Format.Count(rule.Days ?? 0, "day")} with {string.Join(" or ", rule.Bands ?? [.. RuleEvaluator.DefaultRenewalBands])} health",
        _ => RuleNames.Of(rule.Kind),
    };

    private static string Example(ListSignal signal) => signal == ListSignal.Contraction ? "who contracted this month" : "detractors this month";
}
