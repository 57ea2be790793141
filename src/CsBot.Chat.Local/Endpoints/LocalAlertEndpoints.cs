using CsBot.Application.Alerts;
using CsBot.Application.Asking;
using CsBot.Chat.Local;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;

namespace CsBot.Chat.Local.Endpoints;

/// <summary>
/// Alert actions and the open-alert list over HTTP for the local sink: press Acknowledge or Snooze on a message the
/// bot sent (as Slack and Teams buttons will), and see every open alert with its state and history.
/// </summary>
public static class LocalAlertEndpoints
{
    private static readonly ActionKind[] AlertKinds = [ActionKind.Acknowledge, ActionKind.Snooze1Day, ActionKind.Snooze7Days, ActionKind.SnoozeUntilRenewal];

    public sealed record ActionBody(string? Kind, string? Value, string? User, string? MessageId)
    {
        /// <summary>
        /// The message the button was on when it is not one the bot sent (an answer shown in the playground): it comes
        /// back marked in <c>updated</c>, as a sent message does.
        /// </summary>
        public ChatMessage? Original { get; init; }
    }
    public sealed record MessageReply(string Title, string Text, ChatMessage Message);
    public sealed record UpdatedReply(string MessageId, string Text, ChatMessage Message);
    public sealed record ActionReply(bool Applied, MessageReply Reply, UpdatedReply? Updated, AlertView? Alert);
    public sealed record AlertView(
        string Id, string AccountId, string? AccountName, string RuleId, string Severity, string State, string Reason,
        DateTimeOffset FirstFiredAt, DateTimeOffset LastEvaluatedAt, DateTimeOffset? NotifiedAt, DateTimeOffset? SnoozedUntil,
        string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? AcknowledgedPlatform, DateTimeOffset? EscalatedAt,
        IReadOnlyList<string> NotifiedRecipients, IReadOnlyList<AlertEvent> History);

    public static IEndpointRouteBuilder MapLocalAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var local = app.MapGroup("/api/local");
        local.MapPost("/actions", (ActionBody? body, IAlertActions actions, LocalChatTranscript transcript, IPortfolioStore portfolio) =>
        {
            var kinds = string.Join(", ", AlertKinds);
            if (body is null || string.IsNullOrWhiteSpace(body.Kind) || !Enum.TryParse<ActionKind>(body.Kind, ignoreCase: true, out var kind)
                || int.TryParse(body.Kind, out _) || !AlertKinds.Contains(kind))
                return Results.Problem(title: "Unknown action", statusCode: StatusCodes.Status400BadRequest,
                    detail: $"'kind' is '{body?.Kind}'; use one of {kinds}, with 'value' the alert id, e.g. {{\"kind\":\"Acknowledge\",\"value\":\"acc-0003:usage-cliff\",\"user\":\"Dana Whitfield\"}}.");
            if (string.IsNullOrWhiteSpace(body.Value))
                return Results.Problem(title: "Which alert?", statusCode: StatusCodes.Status400BadRequest,
                    detail: "'value' is empty; set it to the alert id from the button (GET /api/local/alerts lists them).");

            // The message the button was on: the one named, else the latest message that carries this alert.
            var original = transcript.All().LastOrDefault(m => body.MessageId is { } id
                ? m.Id == id
                : m.Outgoing.Message.Sections.Any(s => s.Actions.Any(a => a.Value == body.Value && AlertKinds.Contains(a.Kind))));
            var asker = Asker.Local(string.IsNullOrWhiteSpace(body.User) ? "local user" : body.User);
            var outcome = actions.Apply(kind, body.Value, asker, body.Original ?? original?.Outgoing.Message);
            UpdatedReply? updated = null;
            if (outcome.UpdatedOriginal is { } message && body.Original is not null)
                updated = new UpdatedReply(body.MessageId ?? "", PlainTextRenderer.Render(message), message);
            else if (outcome.UpdatedOriginal is { } sentMessage && original is not null)
            {
                updated = new UpdatedReply(original.Id, PlainTextRenderer.Render(sentMessage), sentMessage);
                // The sent message is updated in place, as Slack and Teams update theirs, so the feed shows the mark.
                transcript.Replace(original.Id, sentMessage);
            }
            return Results.Ok(new ActionReply(outcome.Applied, new MessageReply(outcome.Reply.Title, PlainTextRenderer.Render(outcome.Reply), outcome.Reply), updated,
                outcome.Alert is { } alert ? View(alert, portfolio.GetAccount(alert.AccountId)?.Name) : null));
        });
        local.MapGet("/alerts", (IAlertStore alerts, IPortfolioStore portfolio) =>
        {
            var names = portfolio.GetAccounts().ToDictionary(a => a.Id, a => a.Name);
            return alerts.GetOpen().Select(a => View(a, names.GetValueOrDefault(a.AccountId)));
        });
        return app;
    }

    private static AlertView View(Alert a, string? accountName) => new(
        a.Id, a.AccountId, accountName, a.RuleId, a.Severity.ToString(), a.State.ToString(), a.Reason,
        a.FirstFiredAt, a.LastEvaluatedAt, a.NotifiedAt, a.SnoozedUntil,
        a.AcknowledgedBy, a.AcknowledgedAt, a.AcknowledgedPlatform, a.EscalatedAt,
        [.. a.NotifiedRecipients.Select(r => r.DisplayName)], a.History);
}
