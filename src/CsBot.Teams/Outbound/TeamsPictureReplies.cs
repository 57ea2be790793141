using CsBot.Application.Pictures;
using CsBot.Core.Messaging;
using CsBot.Teams.Rendering;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace CsBot.Teams.Outbound;

/// <summary>
/// Sends the charts an answer asks for as cards of their own, after the answer's card: the text is already in the
/// chat when drawing starts. A picture that cannot be drawn in time is logged and left out; the answer states the
/// same numbers.
/// </summary>
public sealed class TeamsPictureReplies(PictureDelivery pictures, ILogger<TeamsPictureReplies> logger)
{
    public async Task FollowAsync(ITurnContext turnContext, ChatMessage answer, CancellationToken cancellationToken)
    {
        if (!pictures.CanDraw) return;
        foreach (var request in answer.FollowedBy)
        {
            try
            {
                var (drawn, error) = await pictures.DrawAsync(request, cancellationToken);
                if (drawn is null)
                {
                    logger.LogWarning("The {Kind} picture after an answer was not sent: {Error}", request.Kind, error);
                    continue;
                }
                await turnContext.SendActivityAsync(TeamsMessages.ToActivity(drawn), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The {Kind} picture after an answer was not sent", request.Kind);
            }
        }
    }
}
