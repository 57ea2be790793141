using CsBot.Application.Notifications;
using CsBot.Teams.Outbound;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CsBot.Teams.Hosting;

/// <summary>
/// At start-up, when Teams delivers notifications, says which channel settings cannot be delivered to yet: ambiguous
/// among the teams CsBot already knows (a warning naming the key and the fix), or not known yet (CsBot learns a team
/// when it is installed there). Start-up goes on either way, because teams are learned while CsBot runs; a message for
/// such a channel fails at first use with the same words, which the outbox keeps as a dead letter.
/// </summary>
public sealed class ChannelSettingsCheck(
    TeamsChannelSettings settings,
    TeamsChannelDirectory channels,
    NotifyingPlatform platform,
    ILogger<ChannelSettingsCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (platform.Name != TeamsOptions.Platform) return Task.CompletedTask;
        foreach (var (key, address) in settings.All)
        {
            var lookup = channels.Find(address);
            if (lookup.IsAmbiguous)
                logger.LogWarning("{Key} is '{Address}', which is ambiguous in Teams: {Problem}", key, address, lookup.Problem);
            else if (lookup.Conversation is null)
                logger.LogInformation("{Key} is '{Address}', not known in Teams yet ({Problem}); it is checked again when a message is first sent there", key, address, lookup.Problem);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
