using System.Text.Json.Nodes;
using CsBot.Core.Messaging;
using CsBot.Slack.Api;
using CsBot.Slack.Rendering;
using Microsoft.AspNetCore.Http;

namespace CsBot.Slack.Inbound;

/// <summary>HTTP answers to Slack: a Block Kit message in the response body, or a short plain message.</summary>
internal static class SlackReplies
{
    public static IResult Message(ChatMessage message, bool inChannel)
    {
        var payload = BlockKitRenderer.Render(message);
        payload["response_type"] = inChannel ? "in_channel" : "ephemeral";
        return Json(payload);
    }

    /// <summary>A one-line reply; its text is mrkdwn, so it is escaped like any message (it may quote a team id from the request).</summary>
    public static IResult Ephemeral(string text) => Json(new JsonObject { ["response_type"] = "ephemeral", ["text"] = SlackText.Escape(text) });

    public static IResult Json(JsonObject payload) => Results.Text(payload.ToJsonString(SlackJson.Options), "application/json; charset=utf-8");

    public static IResult Malformed(string what) => Results.Text($"Malformed Slack request: {what}.", statusCode: StatusCodes.Status400BadRequest);
}
