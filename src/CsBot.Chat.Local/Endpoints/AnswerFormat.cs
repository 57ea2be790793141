namespace CsBot.Chat.Local.Endpoints;

/// <summary>
/// Which form of an answer the asker wants: JSON with the neutral message (what programs and the playground read), or
/// the plain text a person reads in a terminal (<c>curl -H 'accept: text/plain'</c>).
/// </summary>
internal static class AnswerFormat
{
    public const string PlainText = "text/plain; charset=utf-8";

    /// <summary>
    /// True when <c>Accept</c> names <c>text/plain</c> with a quality above zero and does not name JSON as high or
    /// higher (a browser library's <c>application/json, text/plain, */*</c> gets JSON). Wildcards count for neither:
    /// <c>*/*</c> (curl's default) and no <c>Accept</c> at all get JSON.
    /// </summary>
    public static bool WantsPlainText(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        // Most askers send no Accept or */*: answered without parsing the header.
        var mentionsPlain = false;
        foreach (var value in accept)
            if (value is not null && value.Contains("text/plain", StringComparison.OrdinalIgnoreCase)) mentionsPlain = true;
        if (!mentionsPlain) return false;

        double plain = 0, json = 0;
        foreach (var type in request.GetTypedHeaders().Accept)
        {
            var quality = type.Quality ?? 1;
            if (type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)) plain = Math.Max(plain, quality);
            else if (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)) json = Math.Max(json, quality);
        }
        return plain > json;
    }
}
