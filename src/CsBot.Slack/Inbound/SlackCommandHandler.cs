using System.Security.Cryptography;
using System.Text;
using CsBot.Application.Asking;
using CsBot.Core.Messaging;
using CsBot.Slack.Api;
using CsBot.Slack.Outbound;
using CsBot.Slack.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CsBot.Slack.Inbound;

/// <summary>
/// POST /slack/commands: "/cs health of Acme Corp". A quick answer goes back in the HTTP response; one that takes
/// longer than Slack:DirectAnswerMilliseconds is acknowledged at once ("Looking that up…") and posted to the
/// command's response_url when ready, because Slack shows a timeout after 3 seconds. A late answer Slack cannot take
/// then goes through the durable outbox (<see cref="SlackResponder.PostLateAnswerAsync"/>), so it is not dropped.
/// </summary>
public sealed class SlackCommandHandler(
    IQuestionAnswerer answerer,
    SlackAskers askers,
    SlackResponder responder,
    SlackWorkQueue queue,
    TeamAllowList teams,
    SlackOptions options,
    TimeProvider time,
    ILogger<SlackCommandHandler> logger)
{
    public const string Acknowledgement = "Looking that up… the answer will follow here in a moment.";

    public async Task<IResult> HandleAsync(byte[] body, CancellationToken ct)
    {
        var form = new SlackForm(body);
        var receivedAt = time.GetUtcNow();
        var userId = form["user_id"];
        var responseUrl = form["response_url"];
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(form["command"]) || string.IsNullOrEmpty(responseUrl))
        {
            logger.LogWarning("Slash command without user_id, command or response_url ignored");
            return SlackReplies.Malformed("a slash command needs user_id, command and response_url");
        }
        // A late answer is posted to it, or queued for it: only an http(s) address is worth keeping.
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            return SlackReplies.Malformed("the response_url of a slash command must be an http(s) address");
        var teamId = form["team_id"];
        if (!teams.Allows(teamId))
        {
            logger.LogWarning("Slash command from workspace {TeamId} refused: not in Slack:AllowedTeamIds", teamId);
            return SlackReplies.Ephemeral(TeamAllowList.RefusalText(teamId));
        }

        var text = SlackText.Unescape(form["text"] ?? "").Trim();
        if (text.Length == 0) text = "help";
        var answering = Task.Run(() => AnswerAsync(text, userId, form["user_name"], form["channel_id"]), CancellationToken.None);
        try
        {
            var answer = await answering.WaitAsync(TimeSpan.FromMilliseconds(options.DirectAnswerMilliseconds), time, ct);
            return SlackReplies.Message(answer, options.AnswersInChannel);
        }
        catch (TimeoutException)
        {
            logger.LogInformation("/cs answer for {User} is taking longer than {Budget} ms; it will be posted to the response_url", userId, options.DirectAnswerMilliseconds);
        }

        var asker = new Recipient(RecipientKind.User, userId, form["user_name"] is { Length: > 0 } name ? name : userId);
        queue.Enqueue($"/cs answer for {userId}", async stop =>
        {
            var answer = await answering.WaitAsync(stop);
            await responder.PostLateAnswerAsync(responseUrl, receivedAt + SlackApiClient.ResponseUrlLifetime, asker, answer, options.AnswersInChannel,
                AnswerKey(responseUrl), stop);
        });
        return SlackReplies.Ephemeral(Acknowledgement);
    }

    /// <summary>One outbox key per command: its response_url is unique to it (hashed, as keys are short and it is a credential).</summary>
    public static string AnswerKey(string responseUrl) =>
        "slack:command:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(responseUrl)))[..32].ToLowerInvariant();

    private async Task<ChatMessage> AnswerAsync(string text, string userId, string? userName, string? channelId)
    {
        try
        {
            return answerer.Ask(text, await askers.ResolveAsync(userId, userName, CancellationToken.None, channelId));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Answering /cs {Text} for {User} failed", text, userId);
            return HelpMessages.Failure();
        }
    }
}
