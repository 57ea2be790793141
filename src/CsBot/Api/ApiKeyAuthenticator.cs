using System.Security.Cryptography;
using System.Text;
using CsBot.Host.Configuration;

namespace CsBot.Host.Api;

/// <summary>
/// Checks bearer keys against the configured ones. Only SHA-256 hashes are kept in memory (plain dev keys are hashed
/// at startup), and every configured hash is compared in constant time, so timing tells nothing about a key.
/// </summary>
public sealed class ApiKeyAuthenticator
{
    private readonly (string Name, byte[] Hash, ApiAccess Access)[] _keys;

    public ApiKeyAuthenticator(ApiOptions options)
    {
        _keys = [.. options.Keys.Select(k => (k.Name, k.KeyHash is { Length: > 0 } hex ? Convert.FromHexString(hex.Trim()) : Hash(k.Key!), Enum.Parse<ApiAccess>(k.Access, ignoreCase: true)))];
    }

    public int Count => _keys.Length;
    public int ReadWriteCount => _keys.Count(k => k.Access == ApiAccess.ReadWrite);

    /// <summary>The key named by an Authorization header "Bearer &lt;key&gt;", or null when it is missing or matches no key.</summary>
    public (string Name, ApiAccess Access)? Authenticate(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var presented = Hash(authorization[scheme.Length..].Trim());
        (string, ApiAccess)? match = null;
        foreach (var key in _keys)
        {
            // No early exit: every key is compared whatever matched before.
            if (CryptographicOperations.FixedTimeEquals(presented, key.Hash)) match = (key.Name, key.Access);
        }
        return match;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
