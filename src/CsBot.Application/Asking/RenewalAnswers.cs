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
        var rows = new List<int>();
        decimal arr = 0, atRiskArr = 0;
        var atRisk = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            ref readonly var e = ref entries[i];
            if (e.Renewal < 0 || e.Renewal < from || e.Renewal > to || !scope.Includes(e)) continue;
            rows.Add(i);
            arr += e.Arr;
            if (e.Band is (int)HealthBand.Poor or (int)HealthBand.Average)
            {
                atRisk++;
                atRiskArr += e.Arr;
            }
        }
        // Soonest first, then by name; only the rows shown are put in order.
        var shown = TopRows.Take(rows, ListPages.RowsUpTo(ctx.Page), (x, y) =>
        {
            var c = entries[x].Renewal.CompareTo(entries[y].Renewal);
            return c != 0 ? c : StringComparer.OrdinalIgnoreCase.Compare(board.Accounts[x].Name, board.Accounts[y].Name);
        });
        // In proper words: "12 renewals in January 2027", never "in jan".
        var label = ctx.Question.PeriodText is { } typed ? PeriodLabel.ForTitle(typed, period) : PeriodLabel.Describe(period);
        if (label == PeriodLabel.Calendar(period)) label = "in " + label;
        var title = rows.Count == 0
            ? $"No renewals {label}{scopeLabel}"
            : $"{rows.Count} renewal{(rows.Count == 1 ? "" : "s")} {label}{scopeLabel}: {Format.Money(arr, ctx.Currency)} ARR";
        if (ctx.Page > 0 && rows.Count > 0 && ctx.Page * ListAnswers.MaxRows >= rows.Count) return ListPages.AllShown(title, rows.Count);
        var sections = ListPages.Of(shown, ctx.Page).Select(i =>
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
        var context = new List<string> { $"{PeriodLabel.Describe(period)}; {atRisk} with Average or Poor health ({Format.Money(atRiskArr, ctx.Currency)} ARR)" };
        context.InsertRange(0, ListPages.Context(rows.Count, ctx.Page, sections.Count));
        return new ChatMessage
        {
            Title = title, FallbackText = title, Sections = sections, Context = rows.Count == 0 ? [] : context,
            Actions = ListPages.Actions(rows.Count, ctx.Page, sections.Count),
        };
    }
}
