using CsBot.Core.Messaging;
using Newtonsoft.Json.Linq;

namespace CsBot.Teams.Rendering;

/// <summary>What a pressed card button sent back: the data {kind, value} the renderer put on it (Action.Execute or Action.Submit).</summary>
public sealed record CardActionData(ActionKind Kind, string Value)
{
    public const string KindProperty = "kind";
    public const string ValueProperty = "value";

    /// <summary>
    /// Reads a message activity's <c>value</c>. Null when it is not one of our buttons (or a button from an older
    /// card whose kind no longer exists); the caller answers that politely.
    /// </summary>
    /// <summary>An Action.Execute's data, with its verb as the kind when the data does not carry one.</summary>
    public static CardActionData? TryRead(object? data, string? verb)
    {
        if (TryRead(data) is { } read) return read;
        if (string.IsNullOrWhiteSpace(verb) || AsObject(data) is not { } withVerb || withVerb[KindProperty] is not null) return null;
        withVerb = (JObject)withVerb.DeepClone();
        withVerb[KindProperty] = verb;
        return TryRead(withVerb);
    }

    public static CardActionData? TryRead(object? activityValue)
    {
        if (AsObject(activityValue) is not { } data) return null;
        var kind = (data[KindProperty] as JValue)?.Value?.ToString();
        var value = (data[ValueProperty] as JValue)?.Value?.ToString();
        if (string.IsNullOrWhiteSpace(kind) || value is null) return null;
        // Names only: a number would parse as an enum value too.
        if (int.TryParse(kind, out _) || !Enum.TryParse<ActionKind>(kind, ignoreCase: true, out var parsed)) return null;
        return new CardActionData(parsed, value);
    }

    private static JObject? AsObject(object? value) => value switch
    {
        null => null,
        JObject o => o,
        string s => TryParse(s),
        _ => TryFrom(value),
    };

    private static JObject? TryParse(string json)
    {
        try
        {
            return JToken.Parse(json) as JObject;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private static JObject? TryFrom(object value)
    {
        try
        {
            return JToken.FromObject(value) as JObject;
        }
        catch (Exception ex) when (ex is ArgumentException or Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}
