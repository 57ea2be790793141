using CsBot.Application.Asking;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;

namespace CsBot.Application.Alerts;

/// <summary>
/// Acknowledge and snooze, pressed on any platform. <paramref name="original"/> is the message the button was on,
/// when the platform has it, so the outcome can carry that message updated in place.
/// </summary>
public interface IAlertActions
{
    AlertActionOutcome Apply(ActionKind kind, string alertId, Asker asker, ChatMessage? original = null);
}

/// <summary>
/// What an alert action did. <see cref="Reply"/> is a short confirmation or a polite refusal for the person who
/// pressed; <see cref="UpdatedOriginal"/> is the original message with that alert marked (who, when), to replace it.
/// </summary>
public sealed record AlertActionOutcome(bool Applied, ChatMessage Reply, ChatMessage? UpdatedOriginal, Alert? Alert);
