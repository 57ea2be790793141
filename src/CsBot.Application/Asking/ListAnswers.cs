using CsBot.Application.Formatting;
using CsBot.Core.Accounts;
using CsBot.Core.Messaging;
using CsBot.Core.Scoring;

namespace CsBot.Application.Asking;

/// <summary>Answers that list accounts: at risk, poor health, my accounts, overdue invoices, top movers.</summary>
public static class ListAnswers
{
    public const int MaxRows = 10;

    public static ChatMessage AtRisk(AskContext ctx, IReadOnlyList<Account> scope, string scopeLabel)
    {
        var band = ctx.Question.Band;
        var rows = scope
            .Select(a => (Account: a, Score: ctx.Scores.Latest.GetValueOrDefault(a.Id), Alerts: ctx.Alerts.ForAccount(a.Id)))
            .Where(r => band is { } b ? r.Score?.Band == b : r.Alerts.Count > 0 || r.Score?.Band == HealthBand.Poor)
            .OrderByDescending(r => r.Alerts.Count == 0 ? -1 : (int)r.Alerts.Max(x => x.Severity))
            .ThenBy(r => r.Score?.Score ?? 100)
            .ThenByDescending(r => r.Account.Arr)
            .ToList();
        var what = band is { } bb ? $"{bb} health" : "at risk";
        var title = rows.Count == 0 ? $"No accounts {what}{scopeLabel}" : $"{rows.Count} account{S(rows.Count)} {what}{scopeLabel}";
        var sections = rows.Take(MaxRows).Select(r => new MessageSection
        {
            Heading = $"{r.Account.Name}: health {Health(r.Score)}",
            Text = r.Alerts.Count == 0 ? WeakestReason(r.Score) : string.Join("\n", r.Alerts.OrderByDescending(a => a.Severity).Select(a => $"[{a.Severity}] {a.Reason}")),
            Fields = [new("ARR", Numbers.Money(r.Account.Arr)), new("Owner", r.Account.Owner.Name)],
            Account = new AccountLink(r.Account.Id, r.Account.Name),
            Actions = [new MessageAction(ActionKind.Why, "Why?", r.Account.Id)],
        }).ToList();
        return List(title, rows.Count, sections, rows.Sum(r => r.Account.Arr), rows.SelectMany(r => r.Alerts).Select(a => (Core.Severity?)a.Severity).DefaultIfEmpty(null).Max());
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
        var rows = scope
            .SelectMany(a => ctx.Portfolio.ById[a.Id].Invoices.Where(i => i.IsOpenOverdue(ctx.Today)).Select(i => (Account: a, Invoice: i)))
            .OrderByDescending(r => r.Invoice.DaysOverdue(ctx.Today))
            .ToList();
        var total = rows.Sum(r => r.Invoice.Amount);
        var title = rows.Count == 0 ? $"No overdue invoices{scopeLabel}" : $"{rows.Count} overdue invoice{S(rows.Count)}{scopeLabel}, {Numbers.Money(total)} outstanding";
        var sections = rows.Take(MaxRows).Select(r => new MessageSection
        {
            Heading = r.Account.Name,
            Text = $"invoice {r.Invoice.Id} ({Numbers.Money(r.Invoice.Amount)}) due {Numbers.Date(r.Invoice.DueDate)} is {r.Invoice.DaysOverdue(ctx.Today)} days overdue",
            Fields = [new("Health", Health(ctx.Scores.Latest.GetValueOrDefault(r.Account.Id))), new("Owner", r.Account.Owner.Name)],
            Account = new AccountLink(r.Account.Id, r.Account.Name),
        }).ToList();
        return List(title, rows.Count, sections, null, null);
    }

    public static ChatMessage TopMovers(AskContext ctx, IReadOnlyList<Account> scope, string periodLabel)
    {
        var period = ctx.Question.Period!.Value;
        var movers = scope
            .Select(a => (Account: a, Score: ctx.Scores.Latest.GetValueOrDefault(a.Id), Start: StartScore(ctx.Scores.HistoryOf(a.Id), period.From)))
            .Where(m => m.Score is not null && m.Start is not null)
            .Select(m => (m.Account, m.Score, Change: m.Score!.Score - m.Start!.Value))
            .Where(m => ctx.Question.Movement switch
            {
                Core.Querying.MoverFilter.Drops => m.Change < 0,
                Core.Querying.MoverFilter.Gains => m.Change > 0,
                _ => m.Change != 0,
            })
            .OrderByDescending(m => ctx.Question.Movement == Core.Querying.MoverFilter.Gains ? m.Change : Math.Abs(m.Change))
            .ThenBy(m => m.Account.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var title = movers.Count == 0 ? $"No health changes {periodLabel}" : $"Top movers {periodLabel}";
        var sections = movers.Take(MaxRows).Select(m => new MessageSection
        {
            Heading = $"{m.Account.Name}: {Numbers.Signed(m.Change)} to {Health(m.Score)}",
            Text = WeakestReason(m.Score),
            Account = new AccountLink(m.Account.Id, m.Account.Name),
            Actions = [new MessageAction(ActionKind.Why, "Why?", m.Account.Id)],
        }).ToList();
        return List(title, movers.Count, sections, null, null);
    }

    private static int? StartScore(ScorePoint[] history, DateOnly from)
    {
        ScorePoint? start = null;
        foreach (var point in history)
        {
            if (point.Date <= from) start = point;
            else
            {
                start ??= point;
                break;
            }
        }
        return start?.Score;
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
