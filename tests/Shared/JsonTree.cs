using System.Text.Json.Nodes;

namespace CsBot.Tests.Shared;

/// <summary>Walks a JSON document sent to a chat platform, so a test can look at every value in it.</summary>
internal static class JsonTree
{
    public static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
            foreach (var d in Descendants(child))
                yield return d;
    }
}
