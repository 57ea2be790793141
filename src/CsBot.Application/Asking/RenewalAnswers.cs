using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Scoring;

namespace CsBot.Application.Asking;

/// <summary>Renewals in a period, soonest first, with ARR at stake and health band.</summary>
public static class RenewalAnswers
{
    public static ChatMessage Renewals(AskContext ctx, BoardScope scope, string scopeLabel)
    {
        var period = ctx.Question.Period!.Value;
        var board = scope.Board;
        var entries = board.Entries;
        int from = period.From.DayNumber, to = period.To.DayNumber;
        // Soonest first, then by name; only the rows up to the page shown are walked.
        var rows = RenewalRows.Of(board).Take(scope, from, to, ListPages.RowsUpTo(ctx.Page));
        // In proper words: "12 renewals in January 2027", never "in jan".
        var label = ctx.Question.PeriodText is { } typed ? PeriodLabel.ForTitle(typed, period) : PeriodLabel.Describe(period);
        if (label == PeriodLabel.Calendar(period)) label = "in " + label;
        var title = rows.Count == 0
            ? $"No renewals {label}{scopeLabel}"
            : $"{rows.Count} renewal{(rows.Count == 1 ? "" : "s")} {label}{scopeLabel}: {Format.Money(rows.Arr, ctx.Currency)} ARR";
        if (ctx.Page > 0 && rows.Count > 0 && ctx.Page * ListAnswers.MaxRows >= rows.Count) return ListPages.AllShown(title, rows.Count);
        var sections = ListPages.Of(rows.First, ctx.Page).Select(i =>
        {
            var a = board.Accounts[i];
            var fields = new List<MessageField>
            {
                new("ARR", Format.Money(a.Arr, ctx.Currency)),
                new("Health", ListAnswers.Health(board.LatestScores[i])),
                new("Owner", a.Owner.Name),
            };
            if (a.NoticeDeadlineOn(ctx.Today) is { } notice) fields.Add(new("Notice deadline", Format.Date(notice)));
            // The board's renewal date is the next one, rolled forward by the contract term once the CRM's date has passed.
            var renewal = DateOnly.FromDayNumber(entries[i].Renewal);
            return new MessageSection
            {
                Heading = $"{a.Name} renews {Format.Date(renewal)} (in {renewal.DayNumber - ctx.Today.DayNumber} days{(a.AutoRenew ? ", auto-renews" : "")})",
                Fields = fields,
                Account = new AccountLink(a.Id, a.Name),
            };
        }).ToList();
        var context = new List<string> { $"{PeriodLabel.Describe(period)}; {rows.AtRisk} with Average or Poor health ({Format.Money(rows.AtRiskArr, ctx.Currency)} ARR)" };
        context.InsertRange(0, ListPages.Context(rows.Count, ctx.Page, sections.Count));
        return new ChatMessage
        {
            Title = title, FallbackText = title, Sections = sections, Context = rows.Count == 0 ? [] : context,
            Actions = ListPages.Actions(rows.Count, ctx.Page, sections.Count),
        };
    }
}
