using CsBot.Application.Formatting;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Asking;

/// <summary>Answers that list accounts: at risk, poor health, my accounts, overdue invoices, top movers.</summary>
public static class ListAnswers
{
    public const int MaxRows = 10;

    public static ChatMessage AtRisk(AskContext ctx, IReadOnlyList<Account> scope, string scopeLabel)
    {
        var band = ctx.Question.Band;
        // Most severe alert first, then lowest score, then largest ARR.
        var rows = new TopRows<(Account Account, HealthScore? Score, IReadOnlyList<Alert> Alerts, int Worst)>(MaxRows, (x, y) =>
        {
            var c = y.Worst.CompareTo(x.Worst);
            if (c == 0) c = (x.Score?.Score ?? 100).CompareTo(y.Score?.Score ?? 100);
            if (c == 0) c = y.Account.Arr.CompareTo(x.Account.Arr);
            return c;
        });
        decimal arr = 0;
        Core.Severity? severity = null;
        foreach (var a in scope)
        {
            var score = ctx.Scores.Latest.GetValueOrDefault(a.Id);
            var alerts = ctx.Alerts.ForAccount(a.Id);
            if (!(band is { } b ? score?.Band == b : alerts.Count > 0 || score?.Band == HealthBand.Poor)) continue;
            var worst = alerts.Count == 0 ? -1 : (int)alerts.Max(x => x.Severity);
            rows.Add((a, score, alerts, worst));
            arr += a.Arr;
            if (worst >= 0 && (severity is null || worst > (int)severity)) severity = (Core.Severity)worst;
        }
        var top = rows.Best;
        var what = band is { } bb ? $"{bb} health" : "at risk";
        var title = rows.Seen == 0 ? $"No accounts {what}{scopeLabel}" : $"{rows.Seen} account{S(rows.Seen)} {what}{scopeLabel}";
        var sections = top.Select(r => new MessageSection
        {
            Heading = $"{r.Account.Name}: health {Health(r.Score)}",
            Text = r.Alerts.Count == 0 ? WeakestReason(r.Score) : string.Join("\n", r.Alerts.OrderByDescending(a => a.Severity).Select(a => $"[{a.Severity}] {a.Reason}")),
            Fields = [new("ARR", Numbers.Money(r.Account.Arr)), new("Owner", r.Account.Owner.Name)],
            Account = new AccountLink(r.Account.Id, r.Account.Name),
            Actions = [new MessageAction(ActionKind.Why, "Why?", r.Account.Id)],
        }).ToList();
        return List(title, rows.Seen, sections, arr, severity);
    }

    public static ChatMessage Accounts(AskContext ctx, IReadOnlyList<Account> scope, string title)
    {
        var rows = scope.Select(a => (Account: a, Score: ctx.Scores.Latest.GetValueOrDefault(a.Id)))
            .OrderBy(r => r.Score?.Score ?? 100).ThenBy(r => r.Account.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var sections = rows.Take(MaxRows).Select(r => new MessageSection
        {
            Heading = $"{r.Account.Name}: health {Health(r.Score)}",
            Text = WeakestReason(r.Score),
            Fields = [new("ARR", Numbers.Money(r.Account.Arr)), new("Open alerts", ctx.Alerts.ForAccount(r.Account.Id).Count.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            Account = new AccountLink(r.Account.Id, r.Account.Name),
        }).ToList();
        return List($"{title}: {rows.Count} account{S(rows.Count)}", rows.Count, sections, rows.Sum(r => r.Account.Arr), null);
    }

    public static ChatMessage OverdueInvoices(AskContext ctx, IReadOnlyList<Account> scope, string scopeLabel)
    {
        var rows = new TopRows<(Account Account, Invoice Invoice, int DaysOverdue)>(MaxRows, (x, y) => y.DaysOverdue.CompareTo(x.DaysOverdue));
        decimal total = 0;
        foreach (var a in scope)
        {
            foreach (var i in ctx.Portfolio.InvoicesMayBeOverdue(a.Id))
            {
                if (!i.IsOpenOverdue(ctx.Today)) continue;
                rows.Add((a, i, i.DaysOverdue(ctx.Today)));
                total += i.Amount;
            }
        }
        var title = rows.Seen == 0 ? $"No overdue invoices{scopeLabel}" : $"{rows.Seen} overdue invoice{S(rows.Seen)}{scopeLabel}, {Numbers.Money(total)} outstanding";
        var sections = rows.Best.Select(r => new MessageSection
        {
            Heading = r.Account.Name,
            Text = $"invoice {r.Invoice.Id} ({Numbers.Money(r.Invoice.Amount)}) due {Numbers.Date(r.Invoice.DueDate)} is {r.DaysOverdue} days overdue",
            Fields = [new("Health", Health(ctx.Scores.Latest.GetValueOrDefault(r.Account.Id))), new("Owner", r.Account.Owner.Name)],
            Account = new AccountLink(r.Account.Id, r.Account.Name),
        }).ToList();
        return List(title, rows.Seen, sections, null, null);
    }

    public static ChatMessage TopMovers(AskContext ctx, IReadOnlyList<Account> scope, string periodLabel)
    {
        var period = ctx.Question.Period!.Value;
        var filter = ctx.Question.Movement;
        // Biggest change first (biggest gain when asking for gains), then by name.
        var movers = new TopRows<(Account Account, HealthScore Score, int Change)>(MaxRows, (x, y) =>
        {
            var c = filter == Core.Querying.MoverFilter.Gains ? y.Change.CompareTo(x.Change) : Math.Abs(y.Change).CompareTo(Math.Abs(x.Change));
            return c != 0 ? c : StringComparer.OrdinalIgnoreCase.Compare(x.Account.Name, y.Account.Name);
        });
        foreach (var a in scope)
        {
            if (ctx.Scores.Latest.GetValueOrDefault(a.Id) is not { } score || StartScore(ctx.Scores.HistoryOf(a.Id), period.From) is not { } start) continue;
            var change = score.Score - start;
            var moved = filter switch
            {
                Core.Querying.MoverFilter.Drops => change < 0,
                Core.Querying.MoverFilter.Gains => change > 0,
                _ => change != 0,
            };
            if (moved) movers.Add((a, score, change));
        }
        var title = movers.Seen == 0 ? $"No health changes {periodLabel}" : $"Top movers {periodLabel}";
        var sections = movers.Best.Select(m => new MessageSection
        {
            Heading = $"{m.Account.Name}: {Numbers.Signed(m.Change)} to {Health(m.Score)}",
            Text = WeakestReason(m.Score),
            Account = new AccountLink(m.Account.Id, m.Account.Name),
            Actions = [new MessageAction(ActionKind.Why, "Why?", m.Account.Id)],
        }).ToList();
        return List(title, movers.Seen, sections, null, null);
    }

    /// <summary>The latest score on or before <paramref name="from"/>, else the first one after it (history is oldest first).</summary>
    private static int? StartScore(ScorePoint[] history, DateOnly from)
    {
        int lo = 0, hi = history.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (history[mid].Date <= from) lo = mid + 1;
            else hi = mid;
        }
        if (lo > 0) return history[lo - 1].Score;
        return history.Length > 0 ? history[0].Score : null;
    }

    private static ChatMessage List(string title, int total, IReadOnlyList<MessageSection> sections, decimal? arr, Core.Severity? severity)
    {
        var context = new List<string>();
        if (total > sections.Count) context.Add($"and {total - sections.Count} more");
        if (arr is { } sum && total > 0) context.Add($"ARR in this list: {Numbers.Money(sum)}");
        return new ChatMessage { Title = title, Severity = severity, FallbackText = title, Sections = sections, Context = context };
    }

    public static string Health(HealthScore? score) => score is null ? "not scored yet" : $"{score.Score} ({score.Band})";

    private static string WeakestReason(HealthScore? score) =>
        score?.Components.OrderBy(c => c.Points).FirstOrDefault()?.Reason ?? "no breakdown yet";

    private static string S(int count) => count == 1 ? "" : "s";
}
