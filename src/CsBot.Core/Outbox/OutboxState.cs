namespace CsBot.Core.Outbox;

/// <summary>Where a queued message is in its delivery.</summary>
public enum OutboxState
{
    /// <summary>Waiting for its next attempt (<see cref="OutboxEntry.NextAttemptAt"/>).</summary>
    Pending,
    /// <summary>Claimed by a delivery run until <see cref="OutboxEntry.LeaseUntil"/>; due again if the run died.</summary>
    Delivering,
    /// <summary>The platform accepted it. Terminal.</summary>
    Delivered,
    /// <summary>Given up on (permanent error or too many attempts). Terminal; kept for inspection.</summary>
    DeadLetter,
}
