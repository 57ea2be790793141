namespace CsBot.Application.Delivery;

/// <summary>
/// Asks for the outbox to be delivered now instead of at its next poll, so messages queued by a use case reach chat
/// within seconds. Returns once delivery has been asked for, not once it has finished; delivery itself stays one run
/// at a time in whichever process owns it.
/// </summary>
public interface IDeliveryTrigger
{
    Task DeliverSoonAsync(CancellationToken cancellationToken);
}
