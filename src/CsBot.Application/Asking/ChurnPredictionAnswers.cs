using CsBot.Application.Prediction;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Prediction;
using CsBot.Core.Signals;

namespace CsBot.Application.Asking;

/// <summary>
/// The churn model in answers: the predicted probability beside the rule-based health on "health of X" and "why is X
/// at risk", with the three features raising it most, and the ranking for "which accounts are most likely to churn".
/// </summary>
public static class ChurnPredictionAnswers
{
    private const int Pushes = 3;

    /// <summary>
    /// The account card or breakdown with the model's section added; unchanged while no model passed its gate, in which
    /// case <paramref name="signals"/> is not called (the card itself does not unpack them).
    /// </summary>
    public static ChatMessage With(ChatMessage answer, ChurnPredictions? predictions, Func<AccountSignals> signals, string currency)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (predictions?.Current() is not { } model || predictions.Explain(signals(), Pushes) is not { } prediction) return answer;
        var section = Section(prediction.Explanation, model.Record, predictions.HorizonDays, currency);
        return answer with { Sections = [.. answer.Sections, section] };
    }

    /// <summary>The model's section of a health or why answer: the probability, where it comes from, and the features raising it most.</summary>
    public static MessageSection Section(ChurnExplanation explanation, ChurnModelRecord model, int horizonDays, string currency)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(model);
        return new MessageSection
        {
            Heading = $"Predicted churn: {Format.Probability(explanation.Probability)} within {horizonDays} days",
            Text = string.Join("\n", FeatureWords.Pushes(explanation.Pushes, currency).Prepend(
                $"From the churn model trained {Format.Date(DateOnly.FromDateTime(model.TrainedAt.UtcDateTime))} on this portfolio's history " +
                $"(AUC {model.Auc:0.00} on held-out months); the features raising it most:")),
        };
    }

    /// <summary>"which accounts are most likely to churn": the accounts the asker may see, highest probability first.</summary>
    public static ChatMessage Ranking(AskContext ctx, ChurnPredictions? predictions)
    {
        if (predictions is null || predictions.Current() is null)
            return new ChatMessage
            {
                Title = "No churn predictions yet",
                FallbackText = "No churn predictions yet",
                Sections = [new MessageSection { Text = (predictions?.WhyNone() ?? "Churn predictions are not set up.") + " Ask \"which accounts are at risk\" for the rules' view." }],
            };

        string? segment = null;
        if (ctx.Question.Segment is { } typed)
        {
            segment = Lookups.FindSegment(typed, ctx.Portfolio.Segments);
            if (segment is null) return HelpMessages.NoSuchSegment(typed, ctx.Portfolio.Segments);
        }
        Core.Accounts.Person? owner = null;
        if (ctx.Question.Mine)
        {
            owner = Lookups.FindSelf(ctx.Asker, ctx.Portfolio.Owners);
            if (owner is null) return HelpMessages.NotAnOwner(ctx.Asker);
        }
        else if (ctx.Question.OwnerText is { } ownerText)
        {
            owner = Lookups.FindOwner(ownerText, ctx.Portfolio.Owners);
            if (owner is null) return HelpMessages.NoSuchOwner(ownerText, ctx.Portfolio.Owners);
            if (ctx.Access.BookRefusal(owner, ctx.Role, ctx.Asker) is { } why) return HelpMessages.Refused(why);
        }
        // Chosen by record; only the chosen accounts' signals are unpacked, one at a time, for their features.
        var visible = ctx.Portfolio.Accounts.Where(a => ctx.Refusal(a) is null
            && (segment is null || a.Segment.Equals(segment, StringComparison.OrdinalIgnoreCase))
            && (owner is null || a.Owner.Email.Equals(owner.Email, StringComparison.OrdinalIgnoreCase)));
        var portfolio = ctx.Portfolio;
        var ranked = predictions.Rank(visible, a => portfolio.SignalsOf(a.Id));
        var label = (owner is null ? "" : ctx.Question.Mine ? " for you" : $" for {owner.Name}") + (segment is null ? "" : $" in {segment}");
        var sections = ranked.Take(ListAnswers.MaxRows).Select(r =>
        {
            var account = r.Account;
            var health = ctx.Scores.Latest.GetValueOrDefault(account.Id);
            var explained = portfolio.SignalsOf(account.Id) is { } signals ? predictions.Explain(signals, 1) : null;
            return new MessageSection
            {
                Heading = $"{account.Name}: {Format.Probability(r.Probability)} predicted churn, health {(health is null ? "not scored" : $"{health.Score} ({health.Band})")}",
                Text = explained is null ? null : FeatureWords.Pushes(explained.Explanation.Pushes, ctx.Currency)[0],
                Fields = [new("ARR", Format.Money(account.Arr, ctx.Currency)), new("Owner", account.Owner.Name)],
                Account = new AccountLink(account.Id, account.Name),
                Actions = [new MessageAction(ActionKind.Why, "Why?", account.Id)],
            };
        }).ToList();
        return new ChatMessage
        {
            Title = ranked.Count == 0 ? $"No accounts to rank{label}" : $"Most likely to churn{label}: top {sections.Count} of {Format.Count(ranked.Count, "account")}",
            FallbackText = $"Most likely to churn{label}",
            Sections = sections,
            Context = [$"Churn or a deep contraction within {predictions.HorizonDays} days, as predicted by the model learned from this portfolio's history."],
        };
    }
}
