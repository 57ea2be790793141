using CsBot.Application.Asking;
using CsBot.Chat.Local;
using CsBot.Core.Messaging;

namespace CsBot.Chat.Local.Endpoints;

/// <summary>The local chat surface: ask a question over HTTP and see what the bot has sent, without any chat workspace.</summary>
public static class LocalChatEndpoints
{
    /// <param name="Session">Which conversation this is (the playground sends one per page): follow-ups such as "and
    /// initrode?" follow the last question of the same session; without one, of the same user name.</param>
    public sealed record AskBody(string? Text, string? User, string? Email, string? Channel, string? Session = null);
    /// <summary>
    /// The answer as JSON: its title and the neutral message every client draws from (the playground's card). Its
    /// plain-text rendering is sent instead when asked for with <c>Accept: text/plain</c> (<see cref="AnswerFormat"/>).
    /// </summary>
    public sealed record AskReply(string Title, ChatMessage Message);
    public sealed record SentReply(string Id, DateTimeOffset At, string Recipient, string RecipientKey, string Title, string Text)
    {
        /// <summary>The neutral message itself, so the playground can draw it as a card with its buttons.</summary>
        public ChatMessage? Message { get; init; }
        /// <summary>User (a direct message) or Channel.</summary>
        public RecipientKind RecipientKind { get; init; }
        /// <summary>The id of the message this one replies under (a thread reply); null for a message of its own.</summary>
        public string? ThreadOf { get; init; }
        /// <summary>When the message was last redrawn in place (the alert it announced changed); null when never.</summary>
        public DateTimeOffset? UpdatedAt { get; init; }
    }

    public static IEndpointRouteBuilder MapLocalChatEndpoints(this IEndpointRouteBuilder app)
    {
        var local = app.MapGroup("/api/local");
        local.MapPost("/ask", async (HttpRequest request, AskService ask) =>
        {
            var (body, problem) = await JsonRequestBody.ReadAsync(request, LocalChatJson.Default.AskBody);
            if (problem is not null) return problem;
            if (string.IsNullOrWhiteSpace(body?.Text))
                return Results.Problem(title: "Nothing to answer", detail: "Send JSON like {\"text\": \"health of Acme Corp\"}.", statusCode: StatusCodes.Status400BadRequest);
            // The local user may say who they are (an email) and where they ask (a channel), so "my accounts" and
            // "subscribe this channel to the weekly digest" can be tried locally.
            var asker = LocalAsker(body.User, body.Email, body.Channel, body.Session);
            var answer = ask.Ask(body.Text, asker);
            // Both in one reply doubled every answer's size for clients that read only one of them.
            return AnswerFormat.WantsPlainText(request)
                ? Results.Text(PlainTextRenderer.Render(answer), AnswerFormat.PlainText)
                : new JsonReply<AskReply>(new AskReply(answer.Title, answer), LocalChatJson.Default.AskReply);
        });
        local.MapGet("/messages", (LocalChatTranscript transcript) => transcript.All()
            .Select(m => new SentReply(m.Id, m.At, m.Outgoing.Recipient.DisplayName, m.Outgoing.Recipient.Key, m.Outgoing.Message.Title, PlainTextRenderer.Render(m.Outgoing.Message))
            {
                Message = m.Outgoing.Message,
                RecipientKind = m.Outgoing.Recipient.Kind,
                ThreadOf = m.ThreadOf,
                UpdatedAt = m.UpdatedAt,
            }));
        return app;
    }

    /// <summary>
    /// The local user as they say who and where they are; their conversation is the session they name, else their name
    /// (and the channel, when they ask "in" one), so two people trying the playground keep their follow-ups apart.
    /// </summary>
    public static Asker LocalAsker(string? user, string? email, string? channel, string? session)
    {
        var name = string.IsNullOrWhiteSpace(user) ? "local user" : user;
        var where = string.IsNullOrWhiteSpace(channel) ? null : channel;
        var conversation = string.IsNullOrWhiteSpace(session) ? "user:" + name + (where is null ? "" : "#" + where) : "session:" + session.Trim();
        return Asker.Local(name) with { Email = email, ChannelId = where, ConversationId = conversation };
    }
}
