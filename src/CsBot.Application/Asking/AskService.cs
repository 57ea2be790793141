using CsBot.Application.Access;
using CsBot.Application.Alerts;
using System.Diagnostics;
using CsBot.Application.Evaluation;
using CsBot.Application.Prediction;
using CsBot.Application.Observability;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Querying;
using CsBot.Core.Signals;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Asking;

/// <summary>
/// Answers what people type, the same way on every platform: parse, resolve names against the in-memory
/// portfolio, check access, build a neutral message. Never throws at the asker: anything unexpected becomes a
/// polite reply and a log line.
/// </summary>
public sealed class AskService(
    PortfolioView view,
    PortfolioScoring scoring,
    MetricsCalculator metrics,
    AccessPolicy access,
    BusinessClock clock,
    ILogger<AskService> logger,
    IAlertActions alertActions,
    IDigestSubscriptions subscriptions,
    ConversationMemory memory,
    ChurnPredictions? predictions = null)
{
    private readonly ParsedQuestionCache _parsed = new();
    private readonly RecentEvaluations _evaluations = new();

    /// <summary>How many "why" answers worked their account's score out afresh, since start.</summary>
    public long WhyEvaluations => _evaluations.Evaluated;

    public ChatMessage Ask(string text, Asker asker)
    {
        // Checked before anything reads the text, so a huge question costs nothing.
        if (QuestionLimits.IsTooLong(text)) return QuestionLimits.TooLong(text);
        var started = Stopwatch.GetTimestamp();
        IntentKind? intent = null;
        try
        {
            var portfolio = view.Portfolio;
            var today = TodayFor(asker);
            var parsed = _parsed.Parse(text, today, portfolio.Segments, portfolio.Matcher.Names);
            // A follow-up ("and initrode?", "show more") becomes the question it means here; it is answered, and checked, as typed.
            var turn = memory.Follow(parsed, asker, today, portfolio.Segments, portfolio.Matcher.Names);
            if (turn.Reply is { } nothingToFollow) return nothingToFollow;
            var question = turn.Question;
            intent = question.Intent;
            var ctx = new AskContext(question, asker, access.RoleOf(asker, portfolio.ManagerEmails), today, portfolio, view.Scores, view.Alerts, access, metrics.Currency) { Page = turn.Page };
            var answer = question.Intent switch
            {
                IntentKind.Help => HelpMessages.Help(),
                IntentKind.AccountHealth or IntentKind.Why or IntentKind.AccountFact or IntentKind.AccountTrend => AnswerAccount(ctx),
                IntentKind.CannotDo => CannotDoAnswers.Answer(ctx),
                IntentKind.AtRiskList or IntentKind.MyAccounts or IntentKind.OverdueInvoices or IntentKind.TopMovers or IntentKind.Renewals or IntentKind.SignalList => AnswerList(ctx),
                IntentKind.Metric => AnswerMetric(ctx),
                IntentKind.Acknowledge or IntentKind.Snooze => AlertCommands.Handle(ctx, alertActions, scoring.Rules.Definitions),
                IntentKind.Subscribe or IntentKind.Unsubscribe => SubscriptionCommands.Handle(ctx, subscriptions, clock.Zone),
                IntentKind.LikelyToChurnList => ChurnPredictionAnswers.Ranking(ctx, predictions),
                _ => HelpMessages.NotUnderstood(text),
            };
            memory.Remember(asker, question, turn.Page);
            return answer;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Answering {Platform} user {User} failed for: {Text}", asker.Platform, asker.UserId, text);
            return HelpMessages.Failure();
        }
        finally
        {
            CsBotMetrics.QuestionAnswered(intent?.ToString() ?? "none", Stopwatch.GetElapsedTime(started));
        }
    }

    private ChatMessage AnswerAccount(AskContext ctx)
    {
        var typed = ctx.Question.AccountText ?? "";
        // Only accounts the asker may open are offered as choices or suggestions.
        var match = ctx.Match(typed);
        // A bare message that is no account and near none was not about an account: show what can be asked.
        if (match.Outcome == MatchOutcome.NotFound && match.Candidates.Count == 0 && ctx.Question.BareText)
            return HelpMessages.NotUnderstood(ctx.Question.Text);
        if (match.Outcome != MatchOutcome.Found)
        {
            return match.Outcome == MatchOutcome.Ambiguous
                ? HelpMessages.DidYouMean(typed, match.Candidates, ctx.Question.Intent, ctx.Question.Fact)
                : HelpMessages.NoSuchAccount(typed, match.Candidates, ctx.Question.Intent, onlyVisible: !ctx.Access.SeesEveryBook(ctx.Role), ctx.Question.Fact);
        }

        var account = match.Account!;
        if (ctx.Refusal(account) is { } refusal) return HelpMessages.Refused(refusal);
        var history = ctx.Scores.HistoryOf(account.Id);
        // Unpacked only by the answers that read them: the health card shows what is held as it is (the record, the
        // latest score, its history, the alerts), and unpacking an account's signals is the costliest part of an answer.
        AccountSignals? unpacked = null;
        AccountSignals Signals() => unpacked ??= ctx.Portfolio.ById[account.Id];
        if (ctx.Question.Intent == IntentKind.AccountFact) return FactAnswers.Fact(ctx, Signals(), ctx.Scores.Latest.GetValueOrDefault(account.Id));
        // A churned account has no health to speak of: a fresh score of an account without signals reads 100 (Good).
        if (account.ChurnedOn is { } churned && churned <= ctx.Today)
            return ChurnedAnswer.For(Signals(), history, ctx.Scores.Latest.GetValueOrDefault(account.Id), ctx.Currency, ctx.Access.RevenueRefusal(ctx.Role, ctx.Asker));
        if (ctx.Question.Intent == IntentKind.AccountTrend)
        {
            var signals = Signals();
            return TrendAnswers.Trend(ctx, signals, history, ctx.Scores.Latest.GetValueOrDefault(account.Id), day => scoring.Score(signals, day));
        }
        if (ctx.Question.Intent == IntentKind.Why)
        {
            var (score, hits) = ctx.Portfolio.PackedOf(account.Id) is { } packed
                ? _evaluations.For(packed, ctx.Scores.PackedHistoryOf(account.Id), ctx.Today, () => scoring.Evaluate(Signals(), history, ctx.Today))
                : scoring.Evaluate(Signals(), history, ctx.Today);
            return ChurnPredictionAnswers.With(HealthAnswerBuilder.Why(account, score, hits), predictions, Signals, ctx.Currency);
        }
        var latest = ctx.Scores.Latest.GetValueOrDefault(account.Id) ?? scoring.Score(Signals(), ctx.Today);
        return ChurnPredictionAnswers.With(HealthAnswerBuilder.Health(account, latest, history, ctx.Alerts.ForAccount(account.Id), ctx.Today, ctx.Currency),
            predictions, Signals, ctx.Currency);
    }

    private ChatMessage AnswerList(AskContext ctx)
    {
        var (scope, label, refusal) = Scope(ctx, view.Board(ctx.Portfolio, ctx.Scores, ctx.Alerts, ctx.Today));
        if (refusal is not null) return refusal;
        var q = ctx.Question;
        return q.Intent switch
        {
            IntentKind.MyAccounts => ListAnswers.Accounts(ctx, scope!, "Your accounts"),
            IntentKind.OverdueInvoices => ListAnswers.OverdueInvoices(ctx, scope!, label),
            IntentKind.TopMovers => ListAnswers.TopMovers(ctx, scope!, (q.PeriodText ?? "this week") + label),
            IntentKind.Renewals => RenewalAnswers.Renewals(ctx, scope!, label),
            IntentKind.SignalList => SignalAnswers.List(ctx, scope!, label, scoring.Rules),
            _ => ListAnswers.AtRisk(ctx, scope!, label),
        };
    }

    /// <summary>
    /// The accounts a list question covers: the active accounts on <paramref name="board"/>, filtered by owner, "mine"
    /// and segment, and by what the asker may see. Owner and access checks are made once per distinct owner.
    /// </summary>
    private static (BoardScope? Scope, string Label, ChatMessage? Refusal) Scope(AskContext ctx, DayBoard board)
    {
        var q = ctx.Question;
        bool[]? owners = null;
        var label = "";
        if (q.Mine || q.Intent == IntentKind.MyAccounts)
        {
            var self = Lookups.FindSelf(ctx.Asker, ctx.Portfolio.Owners);
            if (self is null) return (null, "", HelpMessages.NotAnOwner(ctx.Asker));
            owners = [.. board.Owners.Select(o => o.Email.Equals(self.Email, StringComparison.OrdinalIgnoreCase))];
            label = " for you";
        }
        else if (q.OwnerText is { } ownerText)
        {
            var owner = Lookups.FindOwner(ownerText, ctx.Portfolio.Owners);
            if (owner is null) return (null, "", HelpMessages.NoSuchOwner(ownerText, ctx.Portfolio.Owners));
            if (ctx.Access.BookRefusal(owner, ctx.Role, ctx.Asker) is { } why) return (null, "", HelpMessages.Refused(why));
            owners = [.. board.Owners.Select(o => o.Email.Equals(owner.Email, StringComparison.OrdinalIgnoreCase))];
            label = $" for {owner.Name}";
        }
        else if (!ctx.Access.SeesEveryBook(ctx.Role))
        {
            // An empty list would read as "all is well"; someone who owns nothing is told why they see nothing.
            if (Lookups.FindSelf(ctx.Asker, ctx.Portfolio.Owners) is null) return (null, "", HelpMessages.NoBook(ctx.Asker, ListedThings(q)));
            owners = [.. board.Owners.Select(o => ctx.Access.BookRefusal(o, ctx.Role, ctx.Asker) is null)];
        }

        var segmentIndex = -1;
        if (q.Segment is { } typed)
        {
            var segment = Lookups.FindSegment(typed, ctx.Portfolio.Segments);
            if (segment is null) return (null, "", HelpMessages.NoSuchSegment(typed, ctx.Portfolio.Segments));
            segmentIndex = IndexOf(ctx.Portfolio.Segments, segment);
            label += $" in {segment}";
        }
        return (new BoardScope(board, owners, segmentIndex), label, null);
    }

    /// <summary>What a list question lists, as "there are no ... in your book" reads it.</summary>
    private static string ListedThings(ParsedQuestion q) => q.Intent switch
    {
        IntentKind.OverdueInvoices => "overdue invoices",
        IntentKind.TopMovers => "health changes",
        IntentKind.Renewals => "renewals",
        IntentKind.SignalList when q.Signal is { } signal => "accounts with " + SignalAnswers.Describe(signal),
        _ when q.Band is { } band => $"accounts with {band} health",
        _ => "at-risk accounts",
    };

    private static int IndexOf(IReadOnlyList<string> segments, string segment)
    {
        for (var i = 0; i < segments.Count; i++)
            if (ReferenceEquals(segments[i], segment) || segments[i].Equals(segment, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private ChatMessage AnswerMetric(AskContext ctx)
    {
        var q = ctx.Question;
        var metric = q.Metric!.Value;
        if (ctx.Access.MetricRefusal(metric, ctx.Role, ctx.Asker) is { } refusal) return HelpMessages.Refused(refusal);
        string? segment = null;
        if (q.Segment is { } typed)
        {
            segment = Lookups.FindSegment(typed, ctx.Portfolio.Segments);
            if (segment is null) return HelpMessages.NoSuchSegment(typed, ctx.Portfolio.Segments);
        }
        var period = MetricPeriods.For(q, ctx.Today);
        if (period.Stage == PeriodStage.NotStarted) return MetricPeriods.NotStarted(q, period);
        var current = ctx.Portfolio.Metric(metrics, metric, period.Counted, segment);
        var previous = ctx.Portfolio.Metric(metrics, metric, period.Compared, segment);
        var label = MetricPeriods.Label(q, period);
        // A metric that is not about revenue may still carry money among its inputs (the MRR up for renewal): those
        // figures are left out for whoever may not see revenue, and the answer says so.
        if (ctx.Access.RevenueRefusal(ctx.Role, ctx.Asker) is { } withheld && current.Inputs.Any(i => i.Unit == MetricUnit.Money))
            return MetricAnswers.Metric(current with { Inputs = [.. current.Inputs.Where(i => i.Unit != MetricUnit.Money)] }, previous, label, withheld);
        return MetricAnswers.Metric(current, previous, label);
    }

    /// <summary>"Today" where the asker is, when the platform told us their time zone: "this week" late on Sunday in
    /// New York is still that week, even when it is Monday in the business zone.</summary>
    private DateOnly TodayFor(Asker asker)
    {
        if (asker.TimeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(asker.TimeZone, out var zone)) return clock.Today;
        return clock.TodayIn(zone);
    }
}
