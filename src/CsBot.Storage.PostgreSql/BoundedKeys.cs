using System.Security.Cryptography;
using System.Text;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// Keys built from what platforms send (event ids, conversation keys), kept the same as LiteDB keeps them: a key
/// longer than <see cref="MaxChars"/> is stored as the SHA-256 of its variable part. A key holding a NUL character,
/// which PostgreSQL text cannot store, is hashed the same way.
/// </summary>
internal static class BoundedKeys
{
    public const int MaxChars = 200;

    public static string Of(string prefix, string value)
    {
        var key = prefix + value;
        return key.Length <= MaxChars && !key.Contains('\0')
            ? key
            : prefix + "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }
}
