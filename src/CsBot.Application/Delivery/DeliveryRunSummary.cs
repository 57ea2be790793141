namespace CsBot.Application.Delivery;

/// <summary>
/// What one delivery run did. <see cref="Skipped"/> counts entries another run claimed first; <see cref="Unrecorded"/>
/// counts sends whose outcome could not be stored (the lease makes them due again); <see cref="Paused"/> counts entries
/// left untouched because their platform asked us to wait (rate limit).
/// </summary>
public sealed record DeliveryRunSummary(int Due, int Delivered, int Retrying, int DeadLettered, int Skipped, int Unrecorded, int Paused = 0)
{
    public static DeliveryRunSummary Empty { get; } = new(0, 0, 0, 0, 0, 0);

    public bool DidAnything => Due > 0;
}
