using System.Collections.Concurrent;
using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Core.Messaging;

namespace CsBot.Slack.Tests.Host;

/// <summary>Alert actions that record each press and mark the original message as acknowledged by the presser.</summary>
public sealed class RecordingAlertActions : IAlertActions
{
    public ConcurrentQueue<(ActionKind Kind, string AlertId, Asker Asker, ChatMessage? Original)> Calls { get; } = new();

    public AlertActionOutcome Apply(ActionKind kind, string alertId, Asker asker, ChatMessage? original = null)
    {
        Calls.Enqueue((kind, alertId, asker, original));
        var updated = original is null ? null : original with
        {
            Title = $"{original.Title} (acknowledged by {asker.DisplayName})",
            Sections = [.. original.Sections.Select(s => s with { Actions = [] })],
        };
        return new AlertActionOutcome(true, new ChatMessage { Title = $"Acknowledged {alertId}" }, updated, null);
    }
}

/// <summary>
/// The real answerer, except that questions starting with "[slow] " wait for <see cref="Release"/> first: a
/// deterministic stand-in for an answer that takes longer than Slack's 3 seconds.
/// </summary>
public sealed class GatedAnswerer(AskService ask) : IQuestionAnswerer
{
    private const string Marker = "[slow] ";
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public ChatMessage Ask(string text, Asker asker)
    {
        if (!text.StartsWith(Marker, StringComparison.Ordinal)) return ask.Ask(text, asker);
        _gate.Task.Wait(TimeSpan.FromSeconds(30));
        return ask.Ask(text[Marker.Length..], asker);
    }
}
