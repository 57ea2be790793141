using System.Runtime.ExceptionServices;
using CsBot.Teams.Inbound;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace CsBot.Teams.Hosting;

/// <summary>
/// The adapter's last resort for an exception escaping a turn: log it with the conversation, then apologise
/// without any detail of the failure (exception text never reaches chat).
/// </summary>
public static class TurnErrorHandler
{
    public const string Apology = "Sorry, something went wrong on my side. The error has been logged; please try again, or ask \"help\".";

    public static Func<ITurnContext, Exception, Task> Create(ILogger logger) => async (turnContext, exception) =>
    {
        // Not a failure of the turn but of the request: /api/messages answers it 400.
        if (exception is MalformedActivityException) ExceptionDispatchInfo.Throw(exception);
        logger.LogError(exception, "Teams turn failed: {Type} activity in conversation {Conversation}",
            turnContext.Activity?.Type, turnContext.Activity?.Conversation?.Id);
        if (turnContext.Activity?.Type != ActivityTypes.Message) return;
        try
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(Apology));
        }
        catch (Exception sendFailure)
        {
            logger.LogWarning("Could not send the apology either: {Error}", sendFailure.Message);
        }
    };
}
