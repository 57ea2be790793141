using System.Text;

namespace CsBot.Host.Tests.Fuzz;

/// <summary>One generated body and how it is labelled, so a finding can be reproduced and read.</summary>
public sealed record FuzzBody(string Kind, string? ContentType, byte[] Bytes)
{
    public string Preview => Encoding.UTF8.GetString(Bytes.AsSpan(0, Math.Min(Bytes.Length, 300)));
}

/// <summary>
/// Generates bad payloads from one seeded <see cref="Random"/>: JSON of the wrong shape and type, nulls, huge and
/// non-finite numbers, nesting around and far past the parser's depth limit, long and hostile strings, bytes that are
/// not UTF-8, truncated documents, empty bodies and wrong content types. Given the same seed it yields the same bodies.
/// </summary>
public sealed class FuzzPayloads(Random random)
{
    private static readonly string[] Texts =
    [
        "", " ", "null", "0", "-1", "true", "2026-02-30", "0001-01-01", "9999-12-31", "2026-13-01T25:61:00Z", "x@", "@", "<!channel>", "<@U0123>",
        "<https://evil.example|click>", "[Click me](https://evil.example)", "\u202Eevil\u202C", "😀👍🏽‍🔥", "\u0000", "Acme\nCorp\r\n", "%00",
        "' OR 1=1 --", "../../etc/passwd", "acc-9999:usage-cliff", "acc-9999", "health of", "csbot:Acknowledge:0", "csbot:Snooze:x",
        "csbot:Nothing:1", "USD", "EUR", "Nps", "Critical", "block_actions", "event_callback", "app_mention", "message",
        "im", "Acknowledge", "Snooze", "Why", "Choose", "\\", "\"", "{", "[", "]}", "${jndi:ldap://x}", "\uFFFF", "\uFEFF",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "0.5", "1e308", "1e400", "-1e400", "1e-400", "99999999999999999999999999999999", "2147483648", "-2147483649",
        "9223372036854775808", "79228162514264337593543950336", "1.7976931348623157E+309", "0.00000000000000000000000000001",
    ];

    // Not JSON at all, but what a careless client sends where a number goes.
    private static readonly string[] BadNumbers = ["NaN", "Infinity", "-Infinity", "01", "+1", ".5", "1.", "0x10", "1e", "--1"];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "application/json; charset=\"",
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/problem+json", "*/*",
    ];

    public int Next(int max) => random.Next(max);

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public string Text()
    {
        switch (random.Next(8))
        {
            case 0: return new string(Pick<char>(['x', 'é', '\uD83D', ' ', '<']), random.Next(1, 5000)); // \uD83D: half an emoji
            case 1: return string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(1, 0xFFFF)));
            case 2: return Pick(Texts) + Pick(Texts);
            default: return Pick(Texts);
        }
    }

    /// <summary>A JSON string literal, sometimes with escapes that are not valid UTF-16 (a lone surrogate).</summary>
    public string JsonString()
    {
        if (random.Next(12) == 0) return Pick(["\"\\ud800\"", "\"\\udfff x\"", "\"\\u00\"", "\"\\x41\"", "\"tab\there\"", "\"unterminated"]);
        return System.Text.Json.JsonSerializer.Serialize(Text());
    }

    public string Value(IReadOnlyList<string> fields, int depth)
    {
        var choice = random.Next(depth > 3 ? 7 : 10);
        return choice switch
        {
            0 => "null",
            1 => random.Next(2) == 0 ? "true" : "false",
            2 => Pick(Numbers),
            3 => random.Next(6) == 0 ? Pick(BadNumbers) : Pick(Numbers),
            4 or 5 or 6 => JsonString(),
            7 => Array(fields, depth + 1),
            _ => Object(fields, depth + 1),
        };
    }

    public string Array(IReadOnlyList<string> fields, int depth) =>
        "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Value(fields, depth))) + "]";

    /// <summary>An object whose keys are mostly the surface's own field names, with values of any type.</summary>
    public string Object(IReadOnlyList<string> fields, int depth = 0, IReadOnlyDictionary<string, string>? fixedValues = null)
    {
        var members = new List<string>();
        for (var i = random.Next(0, Math.Max(2, fields.Count + 2)); i > 0; i--)
        {
            var key = fields.Count > 0 && random.Next(5) > 0 ? Pick(fields) : Text();
            members.Add(System.Text.Json.JsonSerializer.Serialize(key) + ":" + Value(fields, depth));
        }
        foreach (var (key, value) in fixedValues ?? new Dictionary<string, string>())
            members.Add(System.Text.Json.JsonSerializer.Serialize(key) + ":" + value); // last, so it wins over a generated duplicate
        return "{" + string.Join(",", members) + "}";
    }

    /// <summary>A JSON document of any shape: an object of the surface's fields, an array of them, a scalar.</summary>
    public string Document(IReadOnlyList<string> fields, IReadOnlyDictionary<string, string>? fixedValues = null) => random.Next(6) switch
    {
        0 => Value(fields, 0),
        1 or 2 => "[" + string.Join(",", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Object(fields, 1, fixedValues))) + "]",
        _ => Object(fields, 0, fixedValues),
    };

    /// <summary>A body: a generated document, often damaged on the way (truncated, nested too deep, not UTF-8, not JSON).</summary>
    public FuzzBody Body(IReadOnlyList<string> fields, IReadOnlyDictionary<string, string>? fixedValues = null, string contentType = "application/json")
    {
        var type = random.Next(10) == 0 ? (random.Next(4) == 0 ? null : Pick(ContentTypes)) : contentType;
        switch (random.Next(14))
        {
            case 0:
                return new FuzzBody("empty", type, random.Next(3) == 0 ? "  \r\n"u8.ToArray() : []);
            case 1:
                var depth = Pick([63, 64, 65, 100, 5_000]);
                var open = Pick(["[", "{\"a\":"]);
                var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(open == "[" ? "]" : "}", random.Next(3) == 0 ? depth / 2 : depth));
                return new FuzzBody($"nested {depth}", type, Encoding.UTF8.GetBytes(nested));
            case 2:
                var whole = Document(fields, fixedValues);
                return new FuzzBody("truncated", type, Encoding.UTF8.GetBytes(whole[..random.Next(whole.Length)]));
            case 3:
                return new FuzzBody("not utf-8", type, NotUtf8(Encoding.UTF8.GetBytes(Document(fields, fixedValues))));
            case 4:
                var noise = new byte[random.Next(1, 2000)];
                random.NextBytes(noise);
                return new FuzzBody("random bytes", type, noise);
            case 5:
                return new FuzzBody("scalar", type, Encoding.UTF8.GetBytes(Pick(["null", "[]", "{}", "[null]", "[[]]", "[{}]", "\"text\"", "0", "true", "[1,2]", "{\"\":null}"])));
            default:
                return new FuzzBody("json", type, Encoding.UTF8.GetBytes(Document(fields, fixedValues)));
        }
    }

    /// <summary>A form body (Slack commands and interactions): the surface's keys with hostile values, often a JSON payload.</summary>
    public FuzzBody Form(IReadOnlyList<string> keys, IReadOnlyList<string> payloadFields, IReadOnlyDictionary<string, string>? fixedFields = null)
    {
        var pairs = new List<string>();
        for (var i = random.Next(0, keys.Count + 3); i > 0; i--)
        {
            var key = random.Next(6) > 0 ? Pick(keys) : Text();
            var value = key == "payload" && random.Next(3) > 0 ? Encoding.UTF8.GetString(Body(payloadFields).Bytes) : Text();
            pairs.Add(random.Next(8) == 0 ? $"{key}={value}" : $"{Uri.EscapeDataString(key)}={Escape(value)}");
        }
        foreach (var (key, value) in fixedFields ?? new Dictionary<string, string>())
            pairs.Insert(random.Next(pairs.Count + 1), $"{key}={Escape(value)}");
        if (random.Next(10) == 0) pairs.Add(Pick(["%", "%ZZ", "&&", "==", "=", "payload", "+", "%C3%28", "%FF%FE"]));
        var bytes = Encoding.UTF8.GetBytes(string.Join("&", pairs));
        var type = random.Next(10) == 0 ? Pick(ContentTypes) : "application/x-www-form-urlencoded";
        return random.Next(8) == 0 ? new FuzzBody("form, not utf-8", type, NotUtf8(bytes)) : new FuzzBody("form", type, bytes);
    }

    /// <summary>A query string of the given parameters with hostile values, sometimes repeated or left without a value.</summary>
    public string Query(IReadOnlyList<string> parameters)
    {
        var pairs = Enumerable.Range(0, random.Next(0, parameters.Count + 2)).Select(_ =>
        {
            var name = random.Next(6) > 0 ? Pick(parameters) : Text();
            var value = random.Next(3) == 0 ? Pick(Numbers.Concat(BadNumbers).Concat(["2026-01-01", "0001-01-01", "9999-12-31", "2026-02-30", "1900-01-01"]).ToList()) : Text();
            return random.Next(10) == 0 ? Uri.EscapeDataString(name) : $"{Uri.EscapeDataString(name)}={Escape(value)}";
        }).ToList();
        if (random.Next(10) == 0) pairs.Add(Pick(["%", "%ZZ", "a=%FF", "=", "&"]));
        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs);
    }

    /// <summary>
    /// A path segment: hostile text, escaped so that it stays one segment. Without NUL: Kestrel refuses %00 in a path
    /// with 400 before CsBot sees it, while the in-memory test server throws on it instead.
    /// </summary>
    public string Segment() => Uri.EscapeDataString(Text().Replace("\0", "", StringComparison.Ordinal) is { Length: > 0 } t ? t[..Math.Min(t.Length, 2000)] : "x");

    private static string Escape(string value) => Uri.EscapeDataString(value.Length > 30_000 ? value[..30_000] : value);

    private byte[] NotUtf8(byte[] bytes)
    {
        // A lone continuation byte, a truncated sequence, an overlong form, an encoded surrogate, or Latin-1.
        var bad = Pick(new byte[][] { [0xFF], [0x80], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE9, 0x20], [0xE2, 0x82] });
        var at = bytes.Length == 0 ? 0 : random.Next(bytes.Length);
        return [.. bytes.AsSpan(0, at), .. bad, .. bytes.AsSpan(at)];
    }
}
