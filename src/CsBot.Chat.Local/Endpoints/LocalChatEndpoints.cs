using CsBot.Application.Asking;
using CsBot.Chat.Local;
using CsBot.Core.Messaging;

namespace CsBot.Chat.Local.Endpoints;

/// <summary>The local chat surface: ask a question over HTTP and see what the bot has sent, without any chat workspace.</summary>
public static class LocalChatEndpoints
{
    public sealed record AskBody(string? Text, string? User, string? Email, string? Channel);
    public sealed record AskReply(string Title, string Text, ChatMessage Message);
    public sealed record SentReply(string Id, DateTimeOffset At, string Recipient, string RecipientKey, string Title, string Text)
    {
        /// <summary>The neutral message itself, so the playground can draw it as a card with its buttons.</summary>
        public ChatMessage? Message { get; init; }
        /// <summary>User (a direct message) or Channel.</summary>
        public RecipientKind RecipientKind { get; init; }
    }

    public static IEndpointRouteBuilder MapLocalChatEndpoints(this IEndpointRouteBuilder app)
    {
        var local = app.MapGroup("/api/local");
        local.MapPost("/ask", async (HttpRequest request, AskService ask) =>
        {
            var (body, problem) = await JsonRequestBody.ReadAsync<AskBody>(request);
            if (problem is not null) return problem;
            if (string.IsNullOrWhiteSpace(body?.Text))
                return Results.Problem(title: "Nothing to answer", detail: "Send JSON like {\"text\": \"health of Acme Corp\"}.", statusCode: StatusCodes.Status400BadRequest);
            // The local user may say who they are (an email) and where they ask (a channel), so "my accounts" and
            // "subscribe this channel to the weekly digest" can be tried locally.
            var asker = Asker.Local(body.User ?? "local user") with { Email = body.Email, ChannelId = string.IsNullOrWhiteSpace(body.Channel) ? null : body.Channel };
            var answer = ask.Ask(body.Text, asker);
            return Results.Ok(new AskReply(answer.Title, PlainTextRenderer.Render(answer), answer));
        });
        local.MapGet("/messages", (LocalChatTranscript transcript) => transcript.All()
            .Select(m => new SentReply(m.Id, m.At, m.Outgoing.Recipient.DisplayName, m.Outgoing.Recipient.Key, m.Outgoing.Message.Title, PlainTextRenderer.Render(m.Outgoing.Message))
            {
                Message = m.Outgoing.Message,
                RecipientKind = m.Outgoing.Recipient.Kind,
            }));
        return app;
    }
}
