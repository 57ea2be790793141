using CsBot.Core.Accounts;
using CsBot.Core.Signals;

namespace CsBot.Core.Metrics;

/// <summary>Where the outcome of a contract that came up for renewal comes from.</summary>
public enum RenewalSource
{
    /// <summary>A renewal outcome the customer sent (API or CSV).</summary>
    Sent,
    /// <summary>No outcome was sent, so it was read from the account's revenue data (see <see cref="RenewalsDue"/>).</summary>
    Derived,
    /// <summary>The renewal date has not passed yet, so there is no outcome to tell.</summary>
    NotYetDue,
}

/// <summary>
/// One contract up for renewal on <see cref="Date"/> and what happened. <see cref="Result"/> is null when
/// <see cref="Source"/> is <see cref="RenewalSource.NotYetDue"/>; <see cref="ChurnedOn"/> is the churn that made a
/// derived outcome "not renewed".
/// </summary>
public sealed record DueRenewal(Account Account, DateOnly Date, RenewalSource Source, RenewalResult? Result, decimal MrrBefore, decimal MrrAfter, DateOnly? ChurnedOn = null);
