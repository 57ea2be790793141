using System.Text.RegularExpressions;
using CsBot.Core.Metrics;
using static CsBot.Core.Querying.IntentPatterns;

namespace CsBot.Core.Querying;

/// <summary>
/// Understands what people type in chat: account questions ("health of Acme", "why is Acme at risk", a bare name),
/// lists ("at-risk accounts for Dana", "my accounts", "top movers", "overdue invoices", "renewals next quarter"),
/// metrics ("nrr for Enterprise last quarter"), alert actions ("ack Initech usage-cliff", "snooze Initech for a week"),
/// the weekly digest ("subscribe", "unsubscribe") and "help". Pure: "today" (in the asker's time zone) is an input.
/// </summary>
public static class QuestionParser
{
    /// <summary>Parses without a date: intents and names only, no <see cref="ParsedQuestion.Period"/>.</summary>
    public static ParsedQuestion Parse(string text) => Parse(text, null, null);

    /// <summary>Parses, resolving time expressions and period defaults against <paramref name="today"/>.</summary>
    public static ParsedQuestion Parse(string text, DateOnly today) => Parse(text, today, null);

    /// <summary>
    /// Parses, resolving periods against <paramref name="today"/> when given; <paramref name="knownSegments"/> are the
    /// segment names recognised anywhere in any case (default Enterprise, Mid-Market, SMB).
    /// </summary>
    public static ParsedQuestion Parse(string text, DateOnly? today, IReadOnlyCollection<string>? knownSegments) =>
        Parse(text, today, knownSegments, null);

    /// <summary>
    /// Parses as people type: the question is normalised first (<see cref="QuestionNormaliser"/>); when that reading does
    /// not make sense (nothing understood, or an "account" that is no account of <paramref name="names"/>), mistyped
    /// keywords are corrected (<see cref="KeywordTypos"/>), and then an account name found anywhere in the text with a
    /// recognisable intent is enough ("I have a call with Vandelay in 10 min, how are they looking").
    /// </summary>
    public static ParsedQuestion Parse(string text, DateOnly? today, IReadOnlyCollection<string>? knownSegments, KnownNames? names)
    {
        names ??= KnownNames.None;
        var parsed = Understand(text, today, knownSegments, names);
        return parsed.Intent == IntentKind.CannotDo ? UnsupportedRequests.WithAccount(parsed, names) : parsed;
    }

    private static ParsedQuestion Understand(string text, DateOnly? today, IReadOnlyCollection<string>? knownSegments, KnownNames names)
    {
        var cleaned = Clean(text);
        var segments = knownSegments ?? Qualifiers.DefaultSegments;
        var normal = QuestionNormaliser.Normalise(cleaned, names);
        var first = ParseNormal(normal, cleaned, today, segments);
        var corrected = KeywordTypos.Correct(normal, names);
        var typo = !ReferenceEquals(corrected, normal);
        // "whay is initech at risk" reads as the at-risk list with the account left over; with the typo fixed it is a question.
        if (MakesSense(first, names) && !(typo && LeavesOutAnAccount(first, normal, names))) return first;

        if (typo)
        {
            var second = ParseNormal(corrected, cleaned, today, segments);
            if (MakesSense(second, names)) return second;
        }
        return NameAnywhere(corrected, first, names) ?? first;
    }

    private static ParsedQuestion ParseNormal(string normal, string cleaned, DateOnly? today, IReadOnlyCollection<string> segments)
    {
        var q = Polite(normal);
        ParsedQuestion Result(IntentKind intent, string? account = null) => new(intent, account) { Text = cleaned };

        if (q.Length == 0 || Help().IsMatch(q)) return Result(IntentKind.Help);
        if (Unsubscribe().IsMatch(q)) return Result(IntentKind.Unsubscribe);
        if (Subscribe().IsMatch(q))
        {
            // "subscribe this channel to the weekly digest for Enterprise": a channel's digest may cover one segment.
            var topic = q;
            return Result(IntentKind.Subscribe) with { Segment = Qualifiers.TakeSegment(ref topic, segments, forMeansSegment: true) };
        }

        var ack = Acknowledge().Match(q);
        if (!ack.Success) ack = AcknowledgeOther().Match(q);
        if (ack.Success)
        {
            var reference = ack.Groups["ref"].Value;
            var all = AllAlertsWords.Take(ref reference);
            return Result(IntentKind.Acknowledge) with { AlertText = AlertRef(reference), AllAlerts = all };
        }

        var snooze = Snooze().Match(q);
        if (snooze.Success && !Unsubscribe().IsMatch(q)) return ParseSnooze(snooze.Groups["rest"].Value) with { Text = cleaned };

        var why = Why().Match(q);
        if (why.Success && !WhyIsNotAboutAnAccount().IsMatch(why.Groups["account"].Value))
            return Result(IntentKind.Why, why.Groups["account"].Value.Trim());

        // The model's ranking before "predict" reads as a forecast nobody can make.
        if (ChurnLikelihoodWords.AsksForRanking(q)) return WithFilters(Result(IntentKind.LikelyToChurnList), q, segments);
        // Before the intents whose words they share: "will initech renew" is no renewals list, "arr for soylent foods" no health.
        if (UnsupportedRequests.Find(q) is { } unsupported)
            return Result(IntentKind.CannotDo) with { Unsupported = unsupported, Metric = MetricSynonyms.TryFind(q, out var asked, out _, out _) ? asked : null };
        if (AccountFacts.TryParse(q, today, segments, out var fact, out var factAccount)) return Result(IntentKind.AccountFact, factAccount) with { Fact = fact };
        if (TrendQuestions.TryParse(q, today, segments, out var trendAccount, out var trendPeriod))
            return Result(IntentKind.AccountTrend, trendAccount) with { Period = trendPeriod?.Range, PeriodText = trendPeriod?.Text };

        if (BandAlone().IsMatch(q)) return Result(IntentKind.AtRiskList) with { Band = Qualifiers.Band(q) };

        var health = Health().Match(q);
        if (health.Success && !NotOneAccount().IsMatch(health.Groups["account"].Value))
            return Result(IntentKind.AccountHealth, health.Groups["account"].Value.Trim());

        var ask = AccountAsk().Match(q);
        if (ask.Success && LooksLikeAName(ask.Groups["account"].Value) && !NotOneAccount().IsMatch(ask.Groups["account"].Value)
            && !MetricSynonyms.TryFind(ask.Groups["account"].Value, out _, out _, out _))
            return Result(IntentKind.AccountHealth, ask.Groups["account"].Value.Trim());

        if (Overdue().IsMatch(q)) return WithFilters(Result(IntentKind.OverdueInvoices) with { Signal = ListSignal.OverdueInvoices }, q, segments);
        if (SignalWords.Find(q) is { } signal) return ParseSignalList(Result(IntentKind.SignalList) with { Signal = signal }, q, today, segments);

        var renewalDays = RenewalsDays().Match(q);
        if (renewalDays.Success)
        {
            var days = int.Parse(renewalDays.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var period = today is { } t && days > 0 ? new DateRange(t, t.AddDays(days - 1)) : (DateRange?)null;
            return Result(IntentKind.Renewals) with { Period = period, PeriodText = renewalDays.Groups["n"].Value };
        }

        if (TopMovers().IsMatch(q))
        {
            var movement = MoverDrops().IsMatch(q) ? MoverFilter.Drops : MoverGains().IsMatch(q) ? MoverFilter.Gains : MoverFilter.Any;
            return WithPeriodAndFilters(Result(IntentKind.TopMovers) with { Movement = movement }, q, today, PeriodDirection.Past,
                t => new DateRange(PeriodParser.WeekStart(t), t), segments);
        }

        if (!ChurnRisk().IsMatch(q))
        {
            if (MetricPhrasings.TryFind(q, out var plain, out var rest))
                return ParseMetric(Result(IntentKind.Metric) with { Metric = plain }, rest, q, today, segments);
            if (MetricSynonyms.TryFind(q, out var metric, out var at, out var length))
                return ParseMetric(Result(IntentKind.Metric) with { Metric = metric }, q.Remove(at, length), q, today, segments);
        }

        if (Renewals().IsMatch(q))
            return WithPeriodAndFilters(Result(IntentKind.Renewals), q, today, PeriodDirection.Future,
                t => new DateRange(t, t.AddDays(89)), segments);

        var isAccount = IsAccount().Match(q);
        if (isAccount.Success && !NotAnAccount().IsMatch(isAccount.Groups["account"].Value))
            return Result(IntentKind.AccountHealth, isAccount.Groups["account"].Value.Trim());

        if (AtRisk().IsMatch(q))
            return WithFilters(Result(IntentKind.AtRiskList) with { Band = Qualifiers.Band(q) }, q, segments);

        if (MyAccounts().IsMatch(q))
            return WithFilters(Result(IntentKind.MyAccounts) with { Band = Qualifiers.Band(q) }, q, segments) with { Mine = true };

        var howIs = HowIs().Match(q);
        if (howIs.Success && LooksLikeAName(howIs.Groups["account"].Value))
            return Result(IntentKind.AccountHealth, howIs.Groups["account"].Value.Trim());

        // A bare word or short phrase is an account name ("acme" = health of acme); the matcher decides whether it is one.
        if (LooksLikeAName(q) && !IsOnlyAPeriod(q, today) && !NotAloneWords.Contains(q)) return Result(IntentKind.AccountHealth, q) with { BareText = true };
        return Result(IntentKind.Unknown);
    }

    /// <summary>Understood, and an account question names an account (when the accounts are known).</summary>
    private static bool MakesSense(ParsedQuestion parsed, KnownNames names) => parsed.Intent switch
    {
        IntentKind.Unknown => false,
        IntentKind.AccountHealth or IntentKind.Why or IntentKind.AccountFact or IntentKind.AccountTrend => names.IsEmpty || (parsed.AccountText is { } a && names.IsName(a)),
        _ => true,
    };

    /// <summary>A reading about no account, of a message that names one.</summary>
    private static bool LeavesOutAnAccount(ParsedQuestion parsed, string text, KnownNames names) =>
        parsed.AccountText is null && parsed.AlertText is null && names.Find(KnownNames.Words(text)) is not null;

    /// <summary>
    /// An account's name inside a message that did not read as a request: "any news on Cyberdyne Systems" and "I have a
    /// call with Vandelay in 10 min, how are they looking" are health questions, "what's dragging Stark Logistics down" a
    /// why question. An account question whose "name" is a longer phrase keeps its intent and gets the name narrowed
    /// ("check Stark Logistics for me"); a phrase that starts with a name and goes on with unknown words is left to the
    /// name matcher ("acme crop" is a typo of a name, not "acme" plus noise).
    /// </summary>
    private static ParsedQuestion? NameAnywhere(string text, ParsedQuestion parsed, KnownNames names)
    {
        if (names.IsEmpty) return null;
        var words = KnownNames.Words(text);
        if (names.Find(words) is not { } found) return null;
        var around = words.Take(found.First).Concat(words.Skip(found.First + found.Count)).ToList();
        // "open a ticket for acme", "predict hooli's health": something else is asked about the account; guessing
        // health would answer a question that was not asked.
        if (AsksSomethingElse(words, found.First, around)) return null;
        var name = string.Join(' ', words.Skip(found.First).Take(found.Count));
        var why = around.Any(WhyWords.Contains);
        var asks = why || around.Any(HealthWords.Contains);
        var result = parsed with { Intent = why ? IntentKind.Why : IntentKind.AccountHealth, AccountText = name };
        if (parsed.Intent is IntentKind.AccountHealth or IntentKind.Why)
        {
            // Words before the name are its frame ("quick q about initrode"); words after it only when they are a known tail.
            if (found.First > 0 || words.Skip(found.Count).All(NameTailWords.Contains)) return why ? result : result with { Intent = parsed.Intent };
            return null;
        }
        return parsed.Intent == IntentKind.Unknown && asks ? result : null;
    }

    /// <summary>
    /// The words around the name ask for something other than its health: an action ("open a ticket for acme"), a fact
    /// ("who owns initrode", "how many seats does hooli have") or a forecast ("will initech renew").
    /// </summary>
    private static bool AsksSomethingElse(List<string> words, int nameAt, List<string> around)
    {
        if (nameAt > 0 && (ActionVerbs.Contains(words[0]) || words[0] == "will" || (nameAt > 1 && FactQuestions.Contains(words[0] + " " + words[1]))))
            return true;
        for (var i = 0; i + 1 < around.Count; i++)
            if (around[i] == "how" && around[i + 1] is "many" or "much") return true;
        return around.Any(OtherRequestWords.Contains);
    }

    /// <summary>Words of requests about an account that are not about its health (facts, forecasts, other tools).</summary>
    private static readonly HashSet<string> OtherRequestWords = new(StringComparer.Ordinal)
    {
        "predict", "prediction", "forecast", "forecasts", "projected", "projection", "ticket", "tickets", "task", "phone",
        "contact", "meeting", "qbr", "seats", "owns", "owner", "arr", "mrr",
    };

    /// <summary>Starts of questions that ask for a fact, not how an account is doing ("when is hooli up for renewal").</summary>
    private static readonly HashSet<string> FactQuestions = new(StringComparer.Ordinal)
    {
        "when is", "when does", "when did", "when will", "when was", "who owns", "who is", "who manages", "who handles",
        "who runs", "who has", "which segment", "which plan", "what plan",
    };

    /// <summary>A message that starts with one of these asks CsBot to do something ("open a ticket for acme").</summary>
    private static readonly IReadOnlySet<string> ActionVerbs = UnsupportedRequests.ActionVerbs;

    /// <summary>Words around a name that ask why it scores as it does.</summary>
    private static readonly HashSet<string> WhyWords = new(StringComparer.Ordinal)
    {
        "why", "explain", "explanation", "behind", "drives", "driving", "drove", "dragging", "pulling", "reasons", "reason",
        "breakdown", "break", "details", "detail", "calculated", "computed", "making", "wrong", "cause", "causing", "caused",
    };

    /// <summary>Words around a name that ask how it is doing.</summary>
    private static readonly HashSet<string> HealthWords = new(StringComparer.Ordinal)
    {
        "how", "doing", "going", "look", "looks", "looking", "health", "healthy", "score", "status", "check", "checking", "news",
        "deal", "lowdown", "situation", "update", "updates", "latest", "about", "matter", "where", "state", "overview", "summary",
    };

    /// <summary>Words that may follow a name in an account question without being part of it ("Initech for me").</summary>
    private static readonly HashSet<string> NameTailWords = new(StringComparer.Ordinal)
    {
        "for", "me", "doing", "going", "looking", "now", "today", "please", "at", "then", "again", "health", "score", "status",
        "red", "orange", "amber", "yellow", "green",
    };

    /// <summary>Drops the slash command, mentions of the bot, trailing punctuation and extra spaces.</summary>
    public static string Clean(string text)
    {
        var q = BotMention().Replace(text ?? "", " ").Trim();
        if (q.StartsWith("/cs ", StringComparison.OrdinalIgnoreCase) || q.Equals("/cs", StringComparison.OrdinalIgnoreCase)) q = q[3..];
        q = q.Trim().TrimEnd('?', '!', '.', ' ');
        return Spaces().Replace(q, " ");
    }

    /// <summary>Without "hey", "please", "can you", "thanks" around the request; the whole text if nothing else is left.</summary>
    private static string Polite(string q)
    {
        var s = PoliteStart().Replace(q, "");
        s = PoliteEnd().Replace(s, "").Trim().TrimEnd('?', '!', '.', ',', ' ');
        return s.Length == 0 ? q : s;
    }

    private static string? AlertRef(string typed)
    {
        var s = typed.Trim();
        for (var previous = ""; previous != s;)
        {
            previous = s;
            s = AlertFrame().Replace(s, "").Trim();
        }
        return s.Length == 0 ? null : s;
    }

    private static ParsedQuestion ParseSnooze(string rest)
    {
        var duration = SnoozeDuration().Match(rest);
        SnoozeDuration? snooze = null;
        if (duration.Success)
        {
            rest = rest[..duration.Index];
            if (duration.Groups["renewal"].Success) snooze = Querying.SnoozeDuration.UntilNextRenewal;
            else if (duration.Groups["tomorrow"].Success) snooze = Querying.SnoozeDuration.ForDays(1);
            else
            {
                var n = duration.Groups["n"].Value.ToLowerInvariant() switch
                {
                    "a" or "an" or "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7,
                    "ten" => 10, "fourteen" => 14, "thirty" => 30,
                    var digits => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture),
                };
                var unit = duration.Groups["u"].Value.ToLowerInvariant();
                var days = unit[0] == 'w' ? 7 * n : unit[0] == 'm' ? 30 * n : n;
                if (days > 0) snooze = Querying.SnoozeDuration.ForDays(days);
            }
        }
        var all = AllAlertsWords.Take(ref rest);
        return new ParsedQuestion(IntentKind.Snooze) { AlertText = AlertRef(rest), Snooze = snooze, AllAlerts = all };
    }

    private static ParsedQuestion ParseMetric(ParsedQuestion question, string withoutMetric, string q, DateOnly? today, IReadOnlyCollection<string> segments)
    {
        var rest = withoutMetric;
        var compare = MetricPhrasings.TakeComparison(ref rest);
        question = question with { Compare = compare };
        if (today is { } t)
        {
            if (PeriodParser.TryParse(rest, t, PeriodDirection.Past, out var period))
            {
                question = question with { Period = period.Range, PeriodText = period.Text };
                rest = period.RemoveFrom(rest);
            }
            else
            {
                // Whole units compare with the unit before (DateRange.Previous): "q/q" is last quarter against the one
                // before it, "y/y" last year against the year before; otherwise last month.
                var month = new DateOnly(t.Year, t.Month, 1);
                var quarter = new DateOnly(t.Year, (t.Month - 1) / 3 * 3 + 1, 1);
                var year = new DateOnly(t.Year, 1, 1);
                question = question with
                {
                    Period = compare switch
                    {
                        MetricComparison.PreviousQuarter => new DateRange(quarter.AddMonths(-3), quarter.AddDays(-1)),
                        MetricComparison.PreviousYear => new DateRange(year.AddYears(-1), year.AddDays(-1)),
                        _ => new DateRange(month.AddMonths(-1), month.AddDays(-1)),
                    },
                };
            }
        }
        return question with { Segment = Qualifiers.TakeSegment(ref rest, segments, forMeansSegment: true) };
    }

    /// <summary>A list by signal, with the period only where the signal happens in one (see <see cref="SignalWords.PeriodDirectionOf"/>).</summary>
    private static ParsedQuestion ParseSignalList(ParsedQuestion question, string q, DateOnly? today, IReadOnlyCollection<string> segments)
    {
        if (today is { } t && SignalWords.PeriodDirectionOf(question.Signal!.Value) is { } direction && PeriodParser.TryParse(q, t, direction, out var period))
        {
            question = question with { Period = period.Range, PeriodText = period.Text };
            q = period.RemoveFrom(q);
        }
        return WithFilters(question, q, segments);
    }

    private static ParsedQuestion WithPeriodAndFilters(ParsedQuestion question, string q, DateOnly? today, PeriodDirection direction,
        Func<DateOnly, DateRange> byDefault, IReadOnlyCollection<string> segments)
    {
        if (today is { } t)
        {
            if (PeriodParser.TryParse(q, t, direction, out var period))
            {
                question = question with { Period = period.Range, PeriodText = period.Text };
                q = period.RemoveFrom(q);
            }
            else question = question with { Period = byDefault(t) };
        }
        return WithFilters(question, q, segments);
    }

    private static ParsedQuestion WithFilters(ParsedQuestion question, string q, IReadOnlyCollection<string> segments)
    {
        var rest = q;
        var segment = Qualifiers.TakeSegment(ref rest, segments, forMeansSegment: false);
        var owner = Qualifiers.TakeOwner(ref rest, out var mine);
        return question with { Segment = segment, OwnerText = owner, Mine = mine };
    }

    private static bool IsOnlyAPeriod(string q, DateOnly? today) =>
        today is { } t && PeriodParser.TryParse(q, t, out var period) && period.RemoveFrom(q).Length == 0;

    /// <summary>Short, and none of the words of a sentence: "acme", "Acme Corp", "Pied Piper", "AT&amp;T".</summary>
    internal static bool LooksLikeAName(string q)
    {
        if (q.Length > 60) return false;
        var words = q.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 5) return false;
        foreach (var w in words)
            if (NotNameWords.Contains(w.Trim(',', ';', ':', '"', '\''))) return false;
        return true;
    }

    /// <summary>Words that, typed alone, are a half-finished command rather than an account.</summary>
    private static readonly HashSet<string> NotAloneWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "health", "score", "status", "metrics", "metric", "alerts", "alert", "accounts", "report", "digest",
    };

    private static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "what", "whats", "what's", "how", "hows", "how's", "who", "whos", "who's", "which", "when", "where", "why", "can", "could",
        "would", "should", "will", "do", "does", "did", "is", "are", "was", "were", "show", "list", "tell", "give", "get", "find",
        "please", "hello", "hi", "hey", "thanks", "thank", "thx", "ok", "okay", "yes", "no", "yeah", "nope", "me", "my", "i", "i'm",
        "you", "your", "we", "our", "us", "weather", "joke", "lol", "test", "testing", "morning", "bye", "sorry", "hmm", "it", "things",
        "everything", "everyone", "doing", "going", "there", "folks", "team", "all",
    };
}
