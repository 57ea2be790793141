using CsBot.Core.Accounts;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Asking;

/// <summary>
/// What a health or "why" question about a churned account gets: that it churned and when, the last score it had
/// before, and the MRR lost. Never a fresh score: with no usage, tickets or invoices left, scoring a churned account
/// reads "100 (Good)", which is the opposite of the truth.
/// </summary>
public static class ChurnedAnswer
{
    /// <param name="withheld">Why revenue is left out for this asker; null when the MRR lost may be shown.</param>
    public static ChatMessage For(AccountSignals signals, IReadOnlyList<ScorePoint> history, HealthScore? latest, string currency, string? withheld)
    {
        var account = signals.Account;
        var churned = account.ChurnedOn!.Value;
        var lastScore = LastScoreBefore(churned, history, latest);
        var fields = new List<MessageField>
        {
            new("Churned", Format.Date(churned)),
            new("Last health before churn", lastScore is { } p ? $"{p.Score} on {Format.Date(p.Date)}" : "never scored"),
        };
        var lost = MetricsCalculator.MrrAt(signals, churned.AddDays(-1));
        if (withheld is null) fields.Add(new("MRR lost", Format.Money(lost, currency)));
        fields.Add(new("Owner", account.Owner.Name));
        fields.Add(new("Segment", account.Segment));

        var context = new List<string> { "Churned accounts are not scored and are left out of lists; churn metrics still count them." };
        if (withheld is not null) context.Add(withheld);
        return new ChatMessage
        {
            Title = $"{account.Name} churned on {Format.Date(churned)}",
            FallbackText = $"{account.Name} churned on {Format.Date(churned)}" + (withheld is null ? $", {Format.Money(lost, currency)} MRR lost" : ""),
            Sections = [new MessageSection { Fields = fields, Account = new AccountLink(account.Id, account.Name) }],
            Context = context,
        };
    }

    private static ScorePoint? LastScoreBefore(DateOnly churned, IReadOnlyList<ScorePoint> history, HealthScore? latest)
    {
        ScorePoint? last = null;
        foreach (var p in history)
            if (p.Date < churned && (last is not { } l || p.Date > l.Date)) last = p;
        if (latest is not null && latest.AsOf < churned && (last is not { } before || latest.AsOf > before.Date)) last = new ScorePoint(latest.AsOf, latest.Score);
        return last;
    }
}
