namespace CsBot.Core.Signals;

/// <summary>
/// A change in an account's MRR. <see cref="MrrDelta"/> is signed: positive for new, expansion and
/// reactivation; negative for contraction and churn.
/// </summary>
public sealed record RevenueEvent(string Id, string AccountId, RevenueEventKind Kind, decimal MrrDelta, DateOnly Date);
