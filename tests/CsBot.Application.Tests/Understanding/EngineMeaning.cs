using CsBot.Application.Asking;
using CsBot.Core.Accounts;
using CsBot.Core.Querying;
using CsBot.Core.Rules;

namespace CsBot.Application.Tests.Understanding;

/// <summary>
/// What the question engine makes of a message today, written in the corpus notation: the parser's intent and details,
/// with account names resolved by the same <see cref="AccountMatcher"/> the answers use. A name that matches no account is
/// "no-such-account" (the answer lists the closest matches), unless the whole message was that name and no account
/// comes close, which is answered as not understood; a name matching several lists them with '|'.
/// As in <see cref="AskService"/>, the portfolio's segments are the ones the parser recognises, and its account names
/// are the ones the parser keeps apart from keywords. A follow-up is read through the same <see cref="ConversationMemory"/>
/// AskService uses: the previous turn is asked first in a conversation of its own, then the text; a follow-up with
/// nothing to follow is "nothing-to-follow", the next page of a list "page=next".
/// </summary>
public sealed class EngineMeaning(IReadOnlyList<Account> accounts, DateOnly today)
{
    private static readonly string[] RuleIds = [.. RulesOptions.Defaults().Select(d => d.Id).OrderByDescending(id => id.Length)];
    private readonly AccountMatcher matcher = new(accounts);
    private readonly string[] segments = [.. accounts.Select(a => a.Segment).Distinct(StringComparer.OrdinalIgnoreCase)];
    private readonly ConversationMemory memory = new InMemoryConversationContexts().Memory();
    private int conversations;

    /// <summary>What <paramref name="text"/> means after <paramref name="previous"/> (empty: asked first) in one conversation.</summary>
    public Meaning Of(string text, string previous = "")
    {
        var asker = new Asker("corpus", "corpus", "corpus") { ConversationId = "row-" + Interlocked.Increment(ref conversations) };
        if (previous.Length > 0) Turn(previous, asker);
        var turn = Turn(text, asker);
        if (turn.Reply is not null) return new Meaning("nothing-to-follow", new Dictionary<string, string>());
        var q = turn.Question;
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) pairs[key] = value.Trim();
        }
        void Filters()
        {
            Add("segment", q.Segment);
            Add("owner", q.OwnerText);
            if (q.Mine) Add("mine", "yes");
        }
        void Page()
        {
            if (turn.Page > 0) Add("page", "next");
        }
        void Period()
        {
            // Only a period the message named: an intent's default is the answer's choice, not something understood.
            if (q.PeriodText is not null && q.Period is { } p) Add("period", $"{p.From:yyyy-MM-dd}..{p.To:yyyy-MM-dd}");
        }

        string kind;
        switch (q.Intent)
        {
            case IntentKind.Help: kind = "help"; break;
            case IntentKind.Unknown: kind = "not-understood"; break;
            case IntentKind.Subscribe: kind = "subscribe"; Add("segment", q.Segment); break;
            case IntentKind.Unsubscribe: kind = "unsubscribe"; break;
            case IntentKind.AccountHealth or IntentKind.Why:
                kind = q.Intent == IntentKind.Why ? "why" : "health";
                if (Account(q.AccountText) is { } name) Add("account", name);
                // As AskService answers: a bare message that is no account and near none gets the help examples.
                else kind = q.BareText && matcher.Match(q.AccountText ?? "").Candidates.Count == 0 ? "not-understood" : "no-such-account";
                break;
            case IntentKind.AtRiskList:
                kind = "list";
                Page();
                if (q.Band is { } band) Add("band", band.ToString());
                else Add("risk", "at-risk");
                Filters();
                break;
            case IntentKind.LikelyToChurnList:
                kind = "list";
                Add("risk", "predicted-churn");
                Filters();
                break;
            case IntentKind.MyAccounts:
                kind = "list";
                Page();
                Add("band", q.Band?.ToString());
                Filters();
                break;
            case IntentKind.OverdueInvoices:
                kind = "list";
                Page();
                Add("signal", "overdue-invoices");
                Filters();
                break;
            case IntentKind.SignalList:
                kind = "list";
                Add("signal", SignalNotation(q.Signal));
                Period();
                Filters();
                break;
            case IntentKind.TopMovers:
                kind = "movers";
                Page();
                Add("direction", q.Movement switch { MoverFilter.Drops => "down", MoverFilter.Gains => "up", _ => null });
                Period();
                Filters();
                break;
            case IntentKind.Renewals:
                kind = "renewals";
                Page();
                Period();
                Filters();
                break;
            case IntentKind.Metric when MetricPeriods.For(q, today).Stage == CsBot.Core.Metrics.PeriodStage.NotStarted:
                // As AskService answers: no number for a period that has not started.
                kind = "period-not-started";
                break;
            case IntentKind.Metric:
                kind = "metric";
                Add("metric", q.Metric?.ToString());
                Add("compare", q.Compare switch
                {
                    MetricComparison.PreviousPeriod => "previous-period",
                    MetricComparison.PreviousMonth => "previous-month",
                    MetricComparison.PreviousQuarter => "previous-quarter",
                    MetricComparison.PreviousYear => "previous-year",
                    _ => null,
                });
                Period();
                Filters();
                if (q.AccountText is not null) Add("account", Account(q.AccountText) ?? "?" + q.AccountText);
                break;
            case IntentKind.Acknowledge or IntentKind.Snooze:
                kind = q.Intent == IntentKind.Acknowledge ? "ack" : "snooze";
                AlertRef(q.AlertText, Add);
                if (q.AllAlerts) Add("alerts", "all");
                if (q.Snooze is { } s) Add("for", s.UntilRenewal ? "until-renewal" : $"{s.Days}d");
                break;
            case IntentKind.AccountFact or IntentKind.AccountTrend:
                kind = q.Intent == IntentKind.AccountFact ? "fact" : "trend";
                if (Account(q.AccountText) is { } named) Add("account", named);
                else kind = "no-such-account";
                if (q.Fact is { } fact) Add("fact", FactNotation(fact));
                Period();
                break;
            case IntentKind.CannotDo: kind = "cannot-do"; break;
            default: throw new InvalidOperationException($"no notation for {q.Intent}");
        }
        return new Meaning(kind, pairs);
    }

    /// <summary>"renewal-date" for <see cref="AccountFactKind.RenewalDate"/>: the corpus writes fact kinds in lower case with hyphens.</summary>
    private static string FactNotation(AccountFactKind fact) =>
        string.Concat(fact.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>One message as <see cref="AskService"/> reads it: parsed, read against the conversation, then remembered.</summary>
    private FollowedQuestion Turn(string text, Asker asker)
    {
        var parsed = QuestionParser.Parse(text, today, segments, matcher.Names);
        var turn = memory.Follow(parsed, asker, today, segments, matcher.Names);
        if (turn.Reply is null) memory.Remember(asker, turn.Question, turn.Page);
        return turn;
    }

    private static string? SignalNotation(ListSignal? signal) => signal switch
    {
        ListSignal.OverdueInvoices => "overdue-invoices",
        ListSignal.CriticalTickets => "critical-tickets",
        ListSignal.NoLogin => "no-login",
        ListSignal.NpsDetractor => "nps-detractor",
        ListSignal.LowSeatUtilization => "low-seat-utilization",
        ListSignal.UsageCliff => "usage-cliff",
        ListSignal.Contraction => "contraction",
        ListSignal.RenewalAtRisk => "renewal-at-risk",
        _ => null,
    };

    /// <summary>The account's name as the answers would resolve it; candidates joined by '|' when ambiguous; null when none.</summary>
    private string? Account(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var match = matcher.Match(typed);
        return match.Outcome switch
        {
            MatchOutcome.Found => match.Account!.Name,
            MatchOutcome.Ambiguous => string.Join('|', match.Candidates.Select(a => a.Name).Order(StringComparer.OrdinalIgnoreCase)),
            _ => null,
        };
    }

    /// <summary>"Initech usage-cliff" is account Initech, rule usage-cliff, as the alert commands read it.</summary>
    private void AlertRef(string? text, Action<string, string?> add)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var mention = RuleMentions.Find(text, RuleIds);
        var rule = mention?.RuleId;
        var accountText = (mention?.Remainder ?? text).ToLowerInvariant()
            .Replace(" alert", " ", StringComparison.Ordinal).Replace("the ", " ", StringComparison.Ordinal).Trim();
        add("rule", rule);
        if (accountText.Length > 0) add("account", Account(accountText) ?? "?" + accountText);
    }
}
