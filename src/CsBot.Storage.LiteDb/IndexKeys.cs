using System.Security.Cryptography;
using System.Text;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Ids built from what platforms send (event ids, conversation keys), kept short enough to index: LiteDB refuses index
/// keys over 1023 bytes, so an id longer than <see cref="MaxChars"/> is stored as the SHA-256 of its variable part.
/// </summary>
internal static class IndexKeys
{
    public const int MaxChars = 200;

    /// <summary><paramref name="prefix"/> + <paramref name="value"/>, or <paramref name="prefix"/> + "sha256:" + the value's hash when that is too long.</summary>
    public static string Bounded(string prefix, string value)
    {
        var key = prefix + value;
        return key.Length <= MaxChars ? key : prefix + "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }
}
