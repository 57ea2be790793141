using CsBot.Application.Formatting;
using CsBot.Core.Accounts;
using CsBot.Core.Messaging;

namespace CsBot.Application.Asking;

/// <summary>Renewals in a period, soonest first, with ARR at stake and health band.</summary>
public static class RenewalAnswers
{
    public static ChatMessage Renewals(AskContext ctx, IReadOnlyList<Account> scope, string scopeLabel)
    {
        var period = ctx.Question.Period!.Value;
        var rows = scope.Where(a => a.RenewalDate is { } d && period.Contains(d)).ToList();
        // Soonest first, then by name; only the rows shown are put in order.
        var shown = TopRows.Take(rows, ListAnswers.MaxRows, (x, y) =>
        {
            var c = x.RenewalDate!.Value.CompareTo(y.RenewalDate!.Value);
            return c != 0 ? c : StringComparer.OrdinalIgnoreCase.Compare(x.Name, y.Name);
        });
        var label = ctx.Question.PeriodText ?? PeriodLabel.Describe(period);
        var arr = rows.Sum(a => a.Arr);
        var title = rows.Count == 0
            ? $"No renewals {label}{scopeLabel}"
            : $"{rows.Count} renewal{(rows.Count == 1 ? "" : "s")} {label}{scopeLabel}: {Numbers.Money(arr)} ARR";
        var atRisk = rows.Where(a => ctx.Scores.Latest.GetValueOrDefault(a.Id)?.Band is Core.Scoring.HealthBand.Poor or Core.Scoring.HealthBand.Average).ToList();
        var sections = shown.Select(a =>
        {
            var fields = new List<MessageField>
            {
                new("ARR", Numbers.Money(a.Arr)),
                new("Health", ListAnswers.Health(ctx.Scores.Latest.GetValueOrDefault(a.Id))),
                new("Owner", a.Owner.Name),
            };
            if (a.NoticeDeadline is { } notice) fields.Add(new("Notice deadline", Numbers.Date(notice)));
            return new MessageSection
            {
                Heading = $"{a.Name} renews {Numbers.Date(a.RenewalDate!.Value)} (in {a.RenewalDate.Value.DayNumber - ctx.Today.DayNumber} days{(a.AutoRenew ? ", auto-renews" : "")})",
                Fields = fields,
                Account = new AccountLink(a.Id, a.Name),
            };
        }).ToList();
        var context = new List<string> { $"{PeriodLabel.Describe(period)}; {atRisk.Count} with Average or Poor health ({Numbers.Money(atRisk.Sum(a => a.Arr))} ARR)" };
        if (rows.Count > sections.Count) context.Insert(0, $"and {rows.Count - sections.Count} more");
        return new ChatMessage { Title = title, FallbackText = title, Sections = sections, Context = rows.Count == 0 ? [] : context };
    }
}
