using System.Text.Json.Nodes;
using CsBot.Core.Messaging;

namespace CsBot.Teams.Rendering;

/// <summary>
/// A drawn picture as an Adaptive Card Image element whose url is a data: URI holding the PNG. Teams shows such
/// images inline and leaves base64 images out of its message size limit, and a bot reply needs no public URL for
/// them (a hosted image would need CsBot reachable from every client). The alt text states the numbers and is also
/// the card's fallback text, for clients that draw no cards.
/// </summary>
public static class PictureCardImage
{
    /// <summary>Adds the picture of <paramref name="message"/>, if drawn, under the card's title; the card is returned as it is otherwise.</summary>
    public static JsonObject Attach(JsonObject card, ChatMessage message)
    {
        if (message.Picture is not { IsDrawn: true } picture || card["body"] is not JsonArray body) return card;
        var image = new JsonObject
        {
            ["type"] = "Image",
            ["url"] = "data:image/png;base64," + Convert.ToBase64String(picture.Png!),
            ["altText"] = picture.AltText,
            ["size"] = "Stretch",
        };
        body.Insert(Math.Min(1, body.Count), image);
        if (picture.AltText.Length > 0) card["fallbackText"] = TeamsMarkdown.Escape($"{message.Title}\n{picture.AltText}");
        return card;
    }
}
