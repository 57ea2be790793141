using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CsBot.Slack.Api;

/// <summary>Thrown at startup when Slack rejects the configured token: nothing can be delivered until an admin fixes it.</summary>
public sealed class SlackConfigurationException(string message) : Exception(message);

/// <summary>
/// Calls auth.test when the host starts. A rejected token stops startup with a sentence naming the setting; an
/// unreachable Slack only logs a warning, because the network may come back and the outbox keeps messages meanwhile.
/// </summary>
public sealed class SlackStartupCheck(SlackApiClient api, SlackBotIdentity identity, SlackOptions options, ILogger<SlackStartupCheck> logger) : IHostedService
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        SlackResult<SlackAuthInfo> result;
        try
        {
            result = await api.AuthTestAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = SlackResult<SlackAuthInfo>.Failure(SlackErrors.Timeout, transient: true);
        }
        if (result.Ok)
        {
            var info = result.Value!;
            identity.Set(info);
            logger.LogInformation("Connected to Slack workspace {Team} ({TeamId}) as bot user {BotUser}", info.TeamName, info.TeamId, info.BotUserId);
            if (options.AllowedTeamIds.Count > 0 && !options.AllowedTeamIds.Contains(info.TeamId))
                logger.LogWarning("Slack:AllowedTeamIds does not include this token's workspace {TeamId}; requests from it will be refused", info.TeamId);
            return;
        }
        if (SlackErrors.IsAuthProblem(result.Error!))
            throw new SlackConfigurationException(SlackErrors.Describe("auth.test", result.Error!) + ".");
        logger.LogWarning("Slack could not be checked at startup ({Error}); CsBot keeps running and will retry on first use", result.Error);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
