using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;

namespace CsBot.Application.Asking;

/// <summary>Account answers: the health card (score, trend, top reasons, alerts) and the full "why" breakdown.</summary>
public static class HealthAnswerBuilder
{
    private const int TrendDays = 30;
    private const int TopReasons = 3;

    public static ChatMessage Health(Account account, HealthScore score, IReadOnlyList<ScorePoint> history, IReadOnlyList<Alert> alerts, DateOnly today, string currency)
    {
        var fields = new List<MessageField>
        {
            new("Health", $"{score.Score} ({score.Band})"),
            new("Trend", Trend(score, history, today)),
            new("ARR", Format.Money(account.Arr, currency)),
            new("Renewal", Renewal(account, today)),
            new("Owner", account.Owner.Name),
            new("Segment", account.Segment),
        };
        var sections = new List<MessageSection>
        {
            new() { Fields = fields, Account = new AccountLink(account.Id, account.Name) },
            new() { Heading = "Top reasons", Text = string.Join("\n", score.Components.OrderBy(c => c.Points).Take(TopReasons).Select(Line)) },
        };
        var open = MostSevereFirst.Of(alerts.Where(a => a.IsOpen), a => a.Severity);
        sections.Add(new MessageSection
        {
            Heading = "Open alerts",
            Text = open.Length == 0 ? "none" : string.Join("\n", open.Select(a => $"[{a.Severity}] {a.Reason} ({a.State.ToString().ToLowerInvariant()})")),
        });

        return new ChatMessage
        {
            Title = $"{account.Name}: health {score.Score} ({score.Band})",
            Severity = BandSeverity(score.Band),
            FallbackText = $"{account.Name} health {score.Score} ({score.Band}), {Trend(score, history, today)}",
            Sections = sections,
            Actions = [new MessageAction(ActionKind.Why, "Why?", account.Id)],
            Context = Omitted(score),
            FollowedBy = [new PictureRequest(PictureKind.HealthTrend, account.Id)],
        };
    }

    public static ChatMessage Why(Account account, HealthScore score, IReadOnlyList<RuleHit> hits)
    {
        // The weights actually used: when a component is left out for lack of data the others share its weight, so
        // each line shows its share of the weights present, and points x share is the contribution as written.
        var used = score.Components.Sum(c => c.Weight);
        var breakdown = score.Components
            .OrderBy(c => c.Points)
            .Select(c => $"{ComponentNames.Name(c.Kind)}: {Format.One(c.Points)}/100 x {Format.One(used > 0 ? c.Weight / used * 100 : 0)}% = {Format.Fixed((decimal)c.Contribution, 1)} points. {c.Reason}");
        var sections = new List<MessageSection>
        {
            new() { Heading = $"Health {score.Score} ({score.Band}) from {score.Components.Count} components", Text = string.Join("\n", breakdown), Account = new AccountLink(account.Id, account.Name) },
            new()
            {
                Heading = hits.Count == 0 ? "No churn-risk rule fires" : $"{hits.Count} churn-risk rule{(hits.Count == 1 ? "" : "s")} firing",
                Text = hits.Count == 0 ? "All configured rules pass today." : string.Join("\n", MostSevereFirst.Of(hits, h => h.Severity).Select(h => $"[{h.Severity}] {RuleNames.Words(h.RuleId)}: {h.Reason}")),
            },
        };
        return new ChatMessage
        {
            Title = $"Why {account.Name} scores {score.Score}",
            Severity = hits.Count == 0 ? null : hits.Max(h => h.Severity),
            FallbackText = $"{account.Name}: health {score.Score}, {hits.Count} rules firing",
            Sections = sections,
            Context = Omitted(score),
            FollowedBy = [new PictureRequest(PictureKind.HealthTrend, account.Id)],
        };
    }

    private static string Line(ComponentScore c) => $"{ComponentNames.Name(c.Kind)}: {c.Reason} ({Format.Whole(c.Points)}/100)";

    private static IReadOnlyList<string> Omitted(HealthScore score) =>
        score.Omitted.Count == 0
            ? []
            : [$"Left out for lack of data, the other weights share theirs: {string.Join("; ", score.Omitted.Select(o => $"{ComponentNames.Name(o.Kind)} ({o.Why})"))}"];

    public static string Trend(HealthScore score, IReadOnlyList<ScorePoint> history, DateOnly today)
    {
        var window = history.Where(p => p.Date >= today.AddDays(-TrendDays) && p.Date < score.AsOf).Select(p => p.Score).Append(score.Score).ToList();
        if (window.Count < 2) return "no history yet";
        var points = Sparkline.Sample(window, 12);
        // Scaled to the line's own range, shown next to it, so a fall of 9 points is visible and a flat line is flat.
        return $"{Sparkline.ForSeries(points)} {Sparkline.Range(window)} {Format.Signed(score.Score - window[0])} in {TrendDays} days";
    }

    private static string Renewal(Account account, DateOnly today) => account.NextRenewalOn(today) is { } renewal
        ? $"{Format.Date(renewal)} ({renewal.DayNumber - today.DayNumber} days{(account.AutoRenew ? ", auto-renews" : "")})"
        : "monthly, rolls over";

    private static CsBot.Core.Severity? BandSeverity(HealthBand band) => band switch
    {
        HealthBand.Poor => CsBot.Core.Severity.High,
        HealthBand.Average => CsBot.Core.Severity.Warning,
        _ => null,
    };
}
