using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CsBot.Slack.Inbound;

public enum SignatureCheck
{
    Valid,
    MissingHeaders,
    StaleTimestamp,
    BadSignature,
}

/// <summary>
/// Checks that a request comes from Slack: "v0=" + hex HMAC-SHA256 of "v0:{timestamp}:{raw body}" keyed with the
/// signing secret, compared in constant time, with the timestamp within five minutes of now so a captured request
/// cannot be replayed later. Fails closed: an empty secret never validates anything.
/// </summary>
public sealed class SlackSignatureVerifier(SlackOptions options, TimeProvider time)
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return SignatureCheck.MissingHeaders;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return SignatureCheck.StaleTimestamp;
        var age = time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > MaxClockSkew.TotalSeconds) return SignatureCheck.StaleTimestamp;
        if (string.IsNullOrEmpty(options.SigningSecret)) return SignatureCheck.BadSignature;

        var expected = Encoding.ASCII.GetBytes(Sign(options.SigningSecret, timestamp, body));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? SignatureCheck.Valid : SignatureCheck.BadSignature;
    }

    /// <summary>The signature Slack would send for this body; also used by tests to sign their requests.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);
        return "v0=" + Convert.ToHexStringLower(hash);
    }
}
