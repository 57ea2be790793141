using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Slack.Api;

namespace CsBot.Slack.Outbound;

/// <summary>
/// Sends a drawn picture to Slack as an image file shared in the conversation (and thread) its text went to: ask for
/// an upload URL, post the PNG there, complete the upload into the channel. The alt text goes with the file, so
/// screen readers and clients without images read the numbers. A step Slack refuses fails the whole send as that
/// step's error, so the outbox retries or gives up exactly as for a text.
/// </summary>
internal sealed class SlackPictureUploads(SlackApiClient api)
{
    public async Task<SendResult> UploadAsync(string channelId, OutgoingMessage message, MessagePicture picture, CancellationToken ct)
    {
        var target = await api.GetUploadUrlAsync(picture.FileName, picture.Png!.Length, picture.AltText, ct);
        if (!target.Ok) return SlackChatSender.Failed(target, "files.getUploadURLExternal");
        var uploaded = await api.UploadAsync(target.Value!.UploadUrl, picture.Png, ct);
        if (!uploaded.Ok) return SlackChatSender.Failed(uploaded, "file upload");
        var shared = await api.CompleteUploadAsync(target.Value.FileId, message.Message.Title, channelId, message.ThreadId, ct);
        if (!shared.Ok) return SlackChatSender.Failed(shared, "files.completeUploadExternal");
        return SendResult.Ok($"{channelId}/file/{target.Value.FileId}");
    }
}
