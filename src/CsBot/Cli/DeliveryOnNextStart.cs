using CsBot.Application.Delivery;

namespace CsBot.Host.Cli;

/// <summary>
/// Delivery for commands: what a command queues stays in the durable outbox. On a LiteDB file commands run while the
/// bot is stopped (the file is one process's at a time), and the bot delivers it on its first delivery poll after it
/// starts; on PostgreSQL the running CsBots deliver it on their next poll.
/// Sending from the command instead would bypass the bot's own record of what it sent (the playground feed, Teams
/// cards it updates in place when a button is pressed).
/// </summary>
public sealed class DeliveryOnNextStart : IDeliveryTrigger
{
    public Task DeliverSoonAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
