using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace CsBot.Slack.Api;

/// <summary>
/// Slack's file upload, in its three steps: files.getUploadURLExternal (a one-time URL and the file's id), the bytes
/// posted to that URL, and files.completeUploadExternal, which shares the file in a channel (and thread). Needs the
/// files:write scope.
/// </summary>
public sealed partial class SlackApiClient
{
    /// <summary>Slack's limit on a file's alt text.</summary>
    public const int MaxAltText = 1000;

    /// <summary>files.getUploadURLExternal: where to send <paramref name="length"/> bytes, and the id the file will have.</summary>
    public async Task<SlackResult<SlackUploadTarget>> GetUploadUrlAsync(string fileName, int length, string? altText, CancellationToken ct)
    {
        List<(string, string)> fields = [("filename", fileName), ("length", length.ToString(CultureInfo.InvariantCulture))];
        if (!string.IsNullOrWhiteSpace(altText)) fields.Add(("alt_txt", altText.Length <= MaxAltText ? altText : altText[..(MaxAltText - 1)] + "…"));
        var result = await CallAsync<UploadUrlResponse>("files.getUploadURLExternal", Form([.. fields]), ct);
        if (!result.Ok) return result.As<SlackUploadTarget>();
        return result.Value is { UploadUrl: { Length: > 0 } url, FileId: { Length: > 0 } id } && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? SlackResult<SlackUploadTarget>.Success(new SlackUploadTarget(uri, id))
            : BadResponse<SlackUploadTarget>("files.getUploadURLExternal");
    }

    /// <summary>Posts the file's bytes to the URL files.getUploadURLExternal gave. The URL is the credential: no token goes to it.</summary>
    public async Task<SlackResult<bool>> UploadAsync(Uri uploadUrl, byte[] content, CancellationToken ct)
    {
        var result = await SendAsync("file upload", () =>
        {
            var body = new ByteArrayContent(content);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = body };
        }, authorize: false, ct);
        return result.Ok ? SlackResult<bool>.Success(true) : result.As<bool>();
    }

    /// <summary>files.completeUploadExternal: shares the uploaded file in <paramref name="channelId"/>, as a reply under <paramref name="threadTs"/> when given.</summary>
    public async Task<SlackResult<bool>> CompleteUploadAsync(string fileId, string title, string channelId, string? threadTs, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title }),
            ["channel_id"] = channelId,
        };
        if (threadTs is not null) body["thread_ts"] = threadTs;
        var result = await CallAsync<System.Text.Json.JsonElement>("files.completeUploadExternal", Json(body), ct);
        return result.Ok ? SlackResult<bool>.Success(true) : result.As<bool>();
    }
}

/// <summary>Where to upload a file's bytes, and the id Slack gave the file.</summary>
public sealed record SlackUploadTarget(Uri UploadUrl, string FileId);

internal sealed record UploadUrlResponse(string? UploadUrl, string? FileId);
