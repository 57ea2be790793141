using CsBot.Application.ReadModel;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Asking;

/// <summary>Answers that list accounts: at risk, poor health, my accounts, overdue invoices, top movers.</summary>
public static class ListAnswers
{
    public const int MaxRows = 10;

    public static ChatMessage AtRisk(AskContext ctx, BoardScope scope, string scopeLabel)
    {
        var board = scope.Board;
        var band = ctx.Question.Band is { } wanted ? (int)wanted : -1;
        var rows = BoardLists.AtRisk(board, band).Take(scope, ListPages.RowsUpTo(ctx.Page));
        var what = ctx.Question.Band is { } bb ? $"{bb} health" : "at risk";
        var title = rows.Total == 0 ? $"No accounts {what}{scopeLabel}" : $"{rows.Total} account{S(rows.Total)} {what}{scopeLabel}";
        var sections = ListPages.Of(rows.First, ctx.Page).Select(r =>
        {
            var account = board.Accounts[r.Index];
            var score = board.LatestScores[r.Index];
            var alerts = board.OpenAlerts[r.Index];
            return new MessageSection
            {
                Heading = $"{account.Name}: health {Health(score)}",
                Text = alerts.Count == 0 ? WeakestReason(score) : string.Join("\n", MostSevereFirst.Of(alerts, a => a.Severity).Select(a => $"[{a.Severity}] {a.Reason}")),
                Fields = [new("ARR", Format.Money(account.Arr, ctx.Currency)), new("Owner", account.Owner.Name)],
                Account = new AccountLink(account.Id, account.Name),
                Actions = [new MessageAction(ActionKind.Why, "Why?", account.Id)],
            };
        }).ToList();
        return List(ctx, title, rows.Total, sections, rows.Sum, rows.Mark < 0 ? null : (Core.Severity)rows.Mark);
    }

    public static ChatMessage Accounts(AskContext ctx, BoardScope scope, string title)
    {
        var board = scope.Board;
        var entries = board.Entries;
        var rows = BoardLists.ByHealth(board).Take(scope, ListPages.RowsUpTo(ctx.Page));
        var sections = ListPages.Of(rows.First, ctx.Page).Select(i => new MessageSection
        {
            Heading = $"{board.Accounts[i].Name}: health {Health(board.LatestScores[i])}",
            Text = WeakestReason(board.LatestScores[i]),
            Fields = [new("ARR", Format.Money(board.Accounts[i].Arr, ctx.Currency)), new("Open alerts", Format.Count(entries[i].AlertCount))],
            Account = new AccountLink(board.Accounts[i].Id, board.Accounts[i].Name),
        }).ToList();
        return List(ctx, $"{title}: {rows.Total} account{S(rows.Total)}", rows.Total, sections, rows.Sum, null);
    }

    public static ChatMessage OverdueInvoices(AskContext ctx, BoardScope scope, string scopeLabel)
    {
        var board = scope.Board;
        var rows = BoardLists.Overdue(board).Take(scope, ListPages.RowsUpTo(ctx.Page));
        var title = rows.Total == 0 ? $"No overdue invoices{scopeLabel}" : $"{rows.Total} overdue invoice{S(rows.Total)}{scopeLabel}, {Format.Money(rows.Sum, ctx.Currency)} outstanding";
        var sections = ListPages.Of(rows.First, ctx.Page).Select(r =>
        {
            var account = board.Accounts[r.Index];
            return new MessageSection
            {
                Heading = account.Name,
                Text = $"invoice {r.Invoice.Id} ({Format.Money(r.Invoice.Amount, ctx.Currency)}) due {Format.Date(r.Invoice.DueDate)} is {Format.Count(r.DaysOverdue, "day")} overdue",
                Fields = [new("Health", Health(board.LatestScores[r.Index])), new("Owner", account.Owner.Name)],
                Account = new AccountLink(account.Id, account.Name),
            };
        }).ToList();
        return List(ctx, title, rows.Total, sections, null, null);
    }

    public static ChatMessage TopMovers(AskContext ctx, BoardScope scope, string periodLabel)
    {
        var period = ctx.Question.Period!.Value;
        var filter = ctx.Question.Movement;
        var board = scope.Board;
        var movers = BoardLists.Movers(board, period.From, filter).Take(scope, ListPages.RowsUpTo(ctx.Page));
        var title = movers.Total == 0 ? $"No health changes {periodLabel}" : $"Top movers {periodLabel}";
        var sections = ListPages.Of(movers.First, ctx.Page).Select(m =>
        {
            var account = board.Accounts[m.Index];
            var score = board.LatestScores[m.Index];
            return new MessageSection
            {
                Heading = $"{account.Name}: {Format.Signed(m.Change)} to {Health(score)}",
                Text = WeakestReason(score),
                Account = new AccountLink(account.Id, account.Name),
                Actions = [new MessageAction(ActionKind.Why, "Why?", account.Id)],
            };
        }).ToList();
        return List(ctx, title, movers.Total, sections, null, null);
    }

    private static ChatMessage List(AskContext ctx, string title, int total, IReadOnlyList<MessageSection> sections, decimal? arr, Core.Severity? severity)
    {
        if (ctx.Page > 0 && sections.Count == 0 && total > 0) return ListPages.AllShown(title, total);
        var context = ListPages.Context(total, ctx.Page, sections.Count);
        if (arr is { } sum && total > 0) context.Add($"ARR in this list: {Format.Money(sum, ctx.Currency)}");
        return new ChatMessage
        {
            Title = title, Severity = severity, FallbackText = title, Sections = sections, Context = context,
            Actions = ListPages.Actions(total, ctx.Page, sections.Count),
        };
    }

    public static string Health(HealthScore? score) => score is null ? "not scored yet" : $"{score.Score} ({score.Band})";

    private static string WeakestReason(HealthScore? score) =>
        score?.Components.OrderBy(c => c.Points).FirstOrDefault()?.Reason ?? "no breakdown yet";

    private static string S(int count) => count == 1 ? "" : "s";
}
