using CsBot.Application.Evaluation;
using CsBot.Application.Time;
using CsBot.Core.Accounts;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Core.Querying;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Asking;

/// <summary>
/// Answers what people type, the same way on every platform: parse, find the account, build a neutral
/// message. Never throws at the asker: anything unexpected becomes a polite reply and a log line.
/// </summary>
public sealed class AskService(
    IPortfolioStore portfolio,
    IScoreStore scores,
    IAlertStore alerts,
    PortfolioScoring scoring,
    BusinessClock clock,
    ILogger<AskService> logger)
{
    public ChatMessage Ask(string text, Asker asker)
    {
        try
        {
            var question = QuestionParser.Parse(text, clock.Today);
            return question.Intent switch
            {
                IntentKind.Help => HelpMessages.Help(),
                IntentKind.AccountHealth or IntentKind.Why => AnswerAccount(question),
                _ => HelpMessages.NotUnderstood(text),
            };
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Answering {Platform} user {User} failed for: {Text}", asker.Platform, asker.UserId, text);
            return HelpMessages.Failure();
        }
    }

    private ChatMessage AnswerAccount(ParsedQuestion question)
    {
        var typed = question.AccountText ?? "";
        var match = new AccountMatcher(portfolio.GetAccounts()).Match(typed);
        return match.Outcome switch
        {
            MatchOutcome.Found => question.Intent == IntentKind.Why ? Why(match.Account!) : Health(match.Account!),
            MatchOutcome.Ambiguous => HelpMessages.DidYouMean(typed, match.Candidates, question.Intent),
            _ => HelpMessages.NoSuchAccount(typed, match.Candidates, question.Intent),
        };
    }

    private ChatMessage Health(Account account)
    {
        var today = clock.Today;
        var score = scores.GetLatest(account.Id) ?? ScoreNow(account, today);
        if (score is null) return HelpMessages.NoData(account);
        return HealthAnswerBuilder.Health(account, score, scores.GetHistory(account.Id), alerts.GetForAccount(account.Id), today);
    }

    private ChatMessage Why(Account account)
    {
        var today = clock.Today;
        var signals = portfolio.LoadSignals(account.Id);
        if (signals is null) return HelpMessages.NoData(account);
        var (score, hits) = scoring.Evaluate(signals, scores.GetHistory(account.Id), today);
        return HealthAnswerBuilder.Why(account, score, hits);
    }

    private Core.Scoring.HealthScore? ScoreNow(Account account, DateOnly today)
    {
        var signals = portfolio.LoadSignals(account.Id);
        return signals is null ? null : scoring.Score(signals, today);
    }
}
