namespace CsBot.Storage.Contract.Tests;

/// <summary>Strings a store must keep exactly: quotes, SQL, escapes, other scripts, emoji, control characters, a long one.</summary>
internal static class Hostile
{
    public static readonly string[] Strings =
    [
        "O'Brien \"Quoted\" `tick`",
        "'; DROP TABLE accounts; --",
        "Robert'); DELETE FROM outbox WHERE ('1'='1",
        "back\\slash \\u0000 %s %d {0} $1 @p :name ?",
        "Ünïcödé Ærøskøbing ß İstanbul",
        "日本語の顧客 株式会社",
        "مرحبا بالعالم",
        "emoji 🚀🔥👩‍👩‍👧‍👦",
        "line\nbreak\r\ntab\tend",
        " leading and trailing ",
        "",
        new string('x', 10_000),
    ];
}
