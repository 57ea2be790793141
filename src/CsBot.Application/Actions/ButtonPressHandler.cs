using CsBot.Application.Access;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Application.Delivery.Failures;
using CsBot.Application.ReadModel;
using CsBot.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Actions;

/// <summary>
/// Answers a pressed button the same way on every platform. Choose asks the follow-up question the button carries
/// and Why asks "why is &lt;account&gt; at risk", ShowMore asks "show more" in the presser's conversation; all go through <see cref="AskService"/>, so they are answered,
/// and refused, exactly as if the presser had typed them. Acknowledge and snooze go to <see cref="IAlertActions"/>,
/// the same service the typed "ack Initech usage-cliff" reaches. Retry (on an admin-channel post) goes to
/// <see cref="FailedDeliveries"/>, for admins only. Who may do what is therefore decided in those
/// two places only, for typed text and buttons alike, both by <see cref="AccessPolicy"/>. Never throws at the presser:
/// a button it does not know, or anything unexpected, becomes a polite reply and a log line.
/// </summary>
public sealed class ButtonPressHandler(AskService ask, IAlertActions alerts, PortfolioView view, AccessPolicy access, ILogger<ButtonPressHandler> logger,
    FailedDeliveries? failures = null)
{
    public ButtonPressResult Handle(ButtonPress press)
    {
        ArgumentNullException.ThrowIfNull(press);
        try
        {
            if (string.IsNullOrWhiteSpace(press.Value)) return new ButtonPressResult(UnknownButton());
            return press.Kind switch
            {
                ActionKind.Choose => Ask(press.Value.Trim(), press, answersOriginal: true),
                ActionKind.Why => Why(press),
                // The page shown next is the conversation's, as when "show more" is typed.
                ActionKind.ShowMore => Ask("show more", press, answersOriginal: false),
                ActionKind.Acknowledge or ActionKind.Snooze1Day or ActionKind.Snooze7Days or ActionKind.SnoozeUntilRenewal
                    or ActionKind.Handled or ActionKind.HandOver => ApplyToAlert(press),
                ActionKind.RetryDeliveries when failures is not null => DeliveryRetryPress.Handle(press, failures, access.RoleOf(press.Asker, view.Portfolio.ManagerEmails), logger),
                _ => new ButtonPressResult(UnknownButton()),
            };
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{Kind} pressed by {Platform} user {User} failed for {Value}", press.Kind, press.Asker.Platform, press.Asker.UserId, press.Value);
            return new ButtonPressResult(HelpMessages.Failure());
        }
    }

    /// <summary>For a press the platform could not read as one of CsBot's buttons (an older card, a forged payload).</summary>
    public static ChatMessage UnknownButton() => new()
    {
        Title = "That button no longer works",
        FallbackText = "That button no longer works",
        Sections = [new MessageSection { Text = "It may be from an older message. Ask me again, e.g. \"health of Acme Corp\"." }],
    };

    private ButtonPressResult Ask(string question, ButtonPress press, bool answersOriginal) =>
        new(ask.Ask(question, press.Asker)) { Question = question, ReplyAnswersOriginal = answersOriginal };

    /// <summary>
    /// The button carries an account id; the question grammar understands names. Access is decided on the id itself,
    /// before it becomes a name: a forged id of an account the presser may not see is refused without its name being
    /// shown back as their question.
    /// </summary>
    private ButtonPressResult Why(ButtonPress press)
    {
        var id = press.Value.Trim();
        if (view.Portfolio.AccountOf(id) is not { } account) return Ask($"why is {id} at risk", press, answersOriginal: false);
        var role = access.RoleOf(press.Asker, view.Portfolio.ManagerEmails);
        if (access.BookRefusal(account.Owner, role, press.Asker) is { } why) return new ButtonPressResult(HelpMessages.Refused(why));
        return Ask($"why is {account.Name} at risk", press, answersOriginal: false);
    }

    private ButtonPressResult ApplyToAlert(ButtonPress press)
    {
        var outcome = alerts.Apply(press.Kind, press.Value.Trim(), press.Asker, press.Original);
        logger.LogInformation("{Kind} on alert {AlertId} by {Platform} user {User}: {Result}", press.Kind, press.Value, press.Asker.Platform, press.Asker.UserId,
            outcome.Applied ? "applied" : "not applied");
        return new ButtonPressResult(outcome.Reply) { UpdatedOriginal = outcome.UpdatedOriginal, Applied = outcome.Applied, Alert = outcome.Alert };
    }
}
