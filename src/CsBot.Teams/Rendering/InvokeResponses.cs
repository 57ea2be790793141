using System.Net;
using CsBot.Core.Messaging;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CsBot.Teams.Rendering;

/// <summary>
/// Bodies of the answer to an adaptiveCard/action invoke (Universal Actions): the refreshed card, which Teams draws
/// in place of the pressed one; a message Teams shows the presser; or an error with a sentence for them.
/// </summary>
public static class InvokeResponses
{
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static AdaptiveCardInvokeResponse Card(ChatMessage message) => new()
    {
        StatusCode = (int)HttpStatusCode.OK,
        Type = AdaptiveCardRenderer.ContentType,
        Value = JObject.Parse(AdaptiveCardRenderer.ToJson(AdaptiveCardRenderer.Render(message))),
    };

    public static AdaptiveCardInvokeResponse Message(string text) => new()
    {
        StatusCode = (int)HttpStatusCode.OK,
        Type = MessageType,
        Value = TeamsMarkdown.Plain(text),
    };

    public static AdaptiveCardInvokeResponse Error(HttpStatusCode status, string code, string message) => new()
    {
        StatusCode = (int)status,
        Type = ErrorType,
        Value = new Error(code, TeamsMarkdown.Plain(message)),
    };
}
