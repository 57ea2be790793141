using CsBot.Core.Conversations;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Querying;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Asking;

/// <summary>The question to answer after reading a message against the conversation, and the page of a list to show; or the reply when a follow-up has nothing to follow.</summary>
public sealed record FollowedQuestion(ParsedQuestion Question, int Page = 0, ChatMessage? Reply = null);

/// <summary>
/// Remembers the last question of each person in each conversation (<see cref="Asker.ConversationId"/>) for
/// <see cref="ConversationOptions.MemoryMinutes"/>, and reads follow-ups against it: "and initrode?" asks the same about
/// another account, "how come?" why the last account scores so, "what about Q2?" the same metric or list over another
/// period, "just smb" narrows the last list, "who owns it?" is about the last account, "show more" pages the last list.
/// The one place follow-ups are merged: <see cref="AskService"/> calls <see cref="Follow"/> before answering and
/// <see cref="Remember"/> after, so the merged question is answered, and access checked, like any typed one.
/// The store is read only for a message that is a follow-up; a question of its own replaces the context.
/// </summary>
public sealed class ConversationMemory(IConversationContexts contexts, TimeProvider time, ConversationOptions options, ILogger<ConversationMemory> logger)
{
    /// <summary>The question <paramref name="parsed"/> means in the asker's conversation.</summary>
    /// <param name="segments">The portfolio's segments and <paramref name="names"/> its account names, as the question was parsed with.</param>
    public FollowedQuestion Follow(ParsedQuestion parsed, Asker asker, DateOnly today, IReadOnlyCollection<string>? segments, KnownNames? names)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(asker);
        var followUp = FollowUps.Read(parsed, today, segments);
        if (followUp is null) return new FollowedQuestion(parsed);

        var last = Recall(asker);
        if (last is not null && Merge(last, followUp, parsed, today, segments, names) is { } merged) return merged;
        // "and initrode?" with nothing before it is still a question about Initrode.
        if (followUp.Kind == FollowUpKind.OtherAccount && parsed.Intent is not (IntentKind.Unknown or IntentKind.Help)) return new FollowedQuestion(parsed);
        return new FollowedQuestion(parsed, Reply: FollowUpReplies.NothingToFollow(parsed.Text, last is not null, options.MemoryMinutes));
    }

    /// <summary>Keeps <paramref name="answered"/> (and the page of it shown) as the conversation's last question.</summary>
    public void Remember(Asker asker, ParsedQuestion answered, int page)
    {
        ArgumentNullException.ThrowIfNull(answered);
        if (Key(asker) is not { } key || !Remembered(answered.Intent)) return;
        try
        {
            contexts.Save(key, new ConversationContext(answered, page), time.GetUtcNow() + options.Memory);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Losing a context only costs a follow-up; the answer itself is not held back.
            logger.LogWarning(ex, "Could not remember the last question of {Platform} user {User}", asker.Platform, asker.UserId);
        }
    }

    private ConversationContext? Recall(Asker asker)
    {
        if (Key(asker) is not { } key) return null;
        try
        {
            return contexts.Find(key);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Could not recall the last question of {Platform} user {User}", asker.Platform, asker.UserId);
            return null;
        }
    }

    /// <summary>The follow-up applied to the last question; null when it does not apply to it ("show more" after a health question).</summary>
    private static FollowedQuestion? Merge(ConversationContext last, FollowUp followUp, ParsedQuestion parsed, DateOnly today, IReadOnlyCollection<string>? segments, KnownNames? names)
    {
        var q = last.Question with { Text = parsed.Text, BareText = false };
        switch (followUp.Kind)
        {
            case FollowUpKind.OtherAccount when q.AccountText is not null:
                return new FollowedQuestion(q with { AccountText = followUp.AccountText });
            case FollowUpKind.Why when q.AccountText is not null:
                return new FollowedQuestion(new ParsedQuestion(IntentKind.Why, q.AccountText) { Text = parsed.Text });
            case FollowUpKind.SameAccount when q.AccountText is not null && parsed.AccountText is not null:
                return new FollowedQuestion(parsed with { AccountText = q.AccountText, BareText = false });
            case FollowUpKind.SameAccount when q.AccountText is not null && followUp.Pronoun is { } pronoun:
                // Read again with the name in place: whatever is asked about "it" is asked about the account.
                var named = QuestionParser.Parse(FollowUps.NameInsteadOf(parsed.Text, pronoun, q.AccountText), today, segments, names);
                return new FollowedQuestion(named with { Text = parsed.Text });
            case FollowUpKind.OtherPeriod when HasPeriod(q.Intent)
                && PeriodParser.TryParse(followUp.PeriodText ?? "", today, q.Intent == IntentKind.Renewals ? PeriodDirection.Future : PeriodDirection.Past, out var period):
                return new FollowedQuestion(q with { Period = period.Range, PeriodText = period.Text });
            case FollowUpKind.PeriodBefore when HasPeriod(q.Intent) && q.Period is { } p:
                var before = Before(p, followUp.Unit);
                return new FollowedQuestion(q with { Period = before, PeriodText = "in " + PeriodLabel.Describe(before) });
            case FollowUpKind.Narrow when IsList(q.Intent):
                return new FollowedQuestion(followUp.Mine
                    ? q with { Mine = true, OwnerText = null }
                    : q with { Segment = followUp.Segment });
            case FollowUpKind.Narrow when q.Intent == IntentKind.Metric && followUp.Segment is not null:
                return new FollowedQuestion(q with { Segment = followUp.Segment });
            case FollowUpKind.NextPage when IsList(q.Intent):
                return new FollowedQuestion(q, last.Page + 1);
            default:
                return null;
        }
    }

    /// <summary>"The quarter before" a period: the whole unit before the one it starts in; without a unit, the same length before.</summary>
    private static DateRange Before(DateRange period, string? unit)
    {
        var day = period.From.AddDays(-1);
        switch (unit)
        {
            case "week":
                var monday = PeriodParser.WeekStart(day);
                return new DateRange(monday, monday.AddDays(6));
            case "month":
                var month = new DateOnly(day.Year, day.Month, 1);
                return new DateRange(month, month.AddMonths(1).AddDays(-1));
            case "quarter":
                var quarter = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
                return new DateRange(quarter, quarter.AddMonths(3).AddDays(-1));
            case "year":
                return new DateRange(new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31));
            default:
                return period.Previous();
        }
    }

    private static bool HasPeriod(IntentKind intent) => intent is IntentKind.Metric or IntentKind.TopMovers or IntentKind.Renewals or IntentKind.SignalList;

    /// <summary>The answers that list accounts, in pages, and can be narrowed.</summary>
    private static bool IsList(IntentKind intent) =>
        intent is IntentKind.AtRiskList or IntentKind.MyAccounts or IntentKind.OverdueInvoices or IntentKind.TopMovers or IntentKind.Renewals
            or IntentKind.SignalList;

    /// <summary>Commands and help are not something to follow up on; they leave the last question in place.</summary>
    private static bool Remembered(IntentKind intent) => intent is not (IntentKind.Help or IntentKind.Unknown or IntentKind.Acknowledge
        or IntentKind.Snooze or IntentKind.Subscribe or IntentKind.Unsubscribe);

    /// <summary>One context per platform, conversation and person: two people in one channel each keep their own.</summary>
    private static string? Key(Asker asker) => string.IsNullOrEmpty(asker.ConversationId)
        ? null
        : string.Join('\n', asker.Platform, asker.ConversationId, asker.UserId);
}
