using CsBot.Application.Asking;
using CsBot.Core.Messaging;
using CsBot.Slack.Outbound;
using CsBot.Slack.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CsBot.Slack.Inbound;

/// <summary>
/// POST /slack/commands: "/cs health of Acme Corp". A quick answer goes back in the HTTP response; one that takes
/// longer than Slack:DirectAnswerMilliseconds is acknowledged at once ("Looking that up…") and posted to the
/// command's response_url when ready, because Slack shows a timeout after 3 seconds.
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
        var userId = form["user_id"];
        var responseUrl = form["response_url"];
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(form["command"]) || string.IsNullOrEmpty(responseUrl))
        {
            logger.LogWarning("Slash command without user_id, command or response_url ignored");
            return SlackReplies.Malformed("a slash command needs user_id, command and response_url");
        }
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

        queue.Enqueue($"/cs answer for {userId}", async stop =>
        {
            var answer = await answering.WaitAsync(stop);
            var result = await responder.RespondAsync(responseUrl, answer, options.AnswersInChannel, replaceOriginal: false, stop);
            if (!result.Ok) logger.LogWarning("Late /cs answer for {User} could not be posted: {Error}", userId, result.Error);
        });
        return SlackReplies.Ephemeral(Acknowledgement);
    }

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
