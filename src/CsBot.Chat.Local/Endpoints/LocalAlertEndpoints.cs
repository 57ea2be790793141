using CsBot.Application.Actions;
using CsBot.Application.Asking;
using CsBot.Chat.Local;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;

namespace CsBot.Chat.Local.Endpoints;

/// <summary>
/// Buttons and the open-alert list over HTTP for the local sink: press any button CsBot drew (Acknowledge, Snooze,
/// Why, a "did you mean" choice) on a message it sent or an answer it gave, as Slack and Teams buttons are pressed,
/// and see every open alert with its state and history. The press is answered by <see cref="ButtonPressHandler"/>.
/// </summary>
public static class LocalAlertEndpoints
{
    public sealed record ActionBody(string? Kind, string? Value, string? User, string? MessageId)
    {
        /// <summary>
        /// The message the button was on when it is not one the bot sent (an answer shown in the playground): it comes
        /// back marked in <c>updated</c>, as a sent message does.
        /// </summary>
        public ChatMessage? Original { get; init; }
        /// <summary>Who pressed and where, as for <c>/api/local/ask</c>: a Choose or Why press asks as them.</summary>
        public string? Email { get; init; }
        public string? Channel { get; init; }
        /// <summary>The conversation, as for <c>/api/local/ask</c>: "Show more" pages the list of this session.</summary>
        public string? Session { get; init; }
    }
    public sealed record MessageReply(string Title, string Text, ChatMessage Message);
    public sealed record UpdatedReply(string MessageId, string Text, ChatMessage Message);
    /// <param name="Question">What a Choose or Why press asked on the presser's behalf; <paramref name="Reply"/> answers it.</param>
    public sealed record ActionReply(bool Applied, MessageReply Reply, UpdatedReply? Updated, AlertView? Alert, string? Question);
    public sealed record AlertView(
        string Id, string AccountId, string? AccountName, string RuleId, string Severity, string State, string Reason,
        DateTimeOffset FirstFiredAt, DateTimeOffset LastEvaluatedAt, DateTimeOffset? NotifiedAt, DateTimeOffset? SnoozedUntil,
        string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? AcknowledgedPlatform, DateTimeOffset? EscalatedAt,
        IReadOnlyList<string> NotifiedRecipients, IReadOnlyList<AlertEvent> History);

    public static IEndpointRouteBuilder MapLocalAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var local = app.MapGroup("/api/local");
        local.MapPost("/actions", async (HttpRequest request, ButtonPressHandler buttons, LocalChatTranscript transcript, IPortfolioStore portfolio) =>
        {
            var (body, problem) = await JsonRequestBody.ReadAsync<ActionBody>(request);
            if (problem is not null) return problem;
            if (body is null || string.IsNullOrWhiteSpace(body.Kind) || !Enum.TryParse<ActionKind>(body.Kind, ignoreCase: true, out var kind)
                || int.TryParse(body.Kind, out _) || !Enum.IsDefined(kind))
                return Results.Problem(title: "Unknown action", statusCode: StatusCodes.Status400BadRequest,
                    detail: $"'kind' is '{body?.Kind}'; use one of {string.Join(", ", Enum.GetNames<ActionKind>())}, with 'value' the button's value "
                        + "(an alert id, an account id or a question), e.g. {\"kind\":\"Acknowledge\",\"value\":\"acc-0003:usage-cliff\",\"user\":\"Dana Whitfield\"}.");
            if (string.IsNullOrWhiteSpace(body.Value))
                return Results.Problem(title: "Which button?", statusCode: StatusCodes.Status400BadRequest,
                    detail: "'value' is empty; set it to the value on the button: an alert id (GET /api/local/alerts lists them), an account id or a question.");

            // The message the button was on: the one named, else the latest sent message that carries this button's value.
            var original = transcript.All().LastOrDefault(m => body.MessageId is { } id
                ? m.Id == id
                : m.Outgoing.Message.Sections.Any(s => s.Actions.Any(a => a.Value == body.Value)));
            var asker = LocalChatEndpoints.LocalAsker(body.User, body.Email, body.Channel, body.Session);
            var result = buttons.Handle(new ButtonPress(kind, body.Value, asker) { Original = body.Original ?? original?.Outgoing.Message });
            UpdatedReply? updated = null;
            if (result.UpdatedOriginal is { } message && body.Original is not null)
                updated = new UpdatedReply(body.MessageId ?? "", PlainTextRenderer.Render(message), message);
            else if (result.UpdatedOriginal is { } sentMessage && original is not null)
            {
                updated = new UpdatedReply(original.Id, PlainTextRenderer.Render(sentMessage), sentMessage);
                // The sent message is updated in place, as Slack and Teams update theirs, so the feed shows the mark.
                transcript.Replace(original.Id, sentMessage);
            }
            var reply = new MessageReply(result.Reply.Title, PlainTextRenderer.Render(result.Reply), result.Reply);
            return Results.Ok(new ActionReply(result.Applied, reply, updated,
                result.Alert is { } alert ? View(alert, portfolio.GetAccount(alert.AccountId)?.Name) : null, result.Question));
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
