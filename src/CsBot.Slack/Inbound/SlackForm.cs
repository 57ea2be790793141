using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CsBot.Slack.Inbound;

/// <summary>A form-encoded Slack request body (slash commands, interactivity), read from the verified raw bytes.</summary>
public sealed class SlackForm(byte[] body)
{
    private readonly Dictionary<string, Microsoft.Extensions.Primitives.StringValues> _fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));

    public string? this[string key] => _fields.TryGetValue(key, out var value) && value.Count > 0 ? value[0] : null;
}
