using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Core.Messaging;

namespace CsBot.Teams.Tests;

/// <summary>Stands in for the alert-actions service: records each press and marks the original message as acknowledged by the asker.</summary>
public sealed class RecordingAlertActions : IAlertActions
{
    public List<(ActionKind Kind, string AlertId, Asker Asker, ChatMessage? Original)> Calls { get; } = [];

    public AlertActionOutcome Apply(ActionKind kind, string alertId, Asker asker, ChatMessage? original = null)
    {
        lock (Calls) Calls.Add((kind, alertId, asker, original));
        var reply = new ChatMessage { Title = $"{kind} {alertId} for {asker.DisplayName}" };
        var updated = original is null ? null : original with
        {
            Sections = [.. original.Sections.Select(s => s with { Actions = [], Text = $"{s.Text}\n{kind} by {asker.DisplayName}" })],
        };
        return new AlertActionOutcome(true, reply, updated, null);
    }
}
