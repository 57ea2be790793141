namespace CsBot.Core.Signals;

/// <summary>When revenue events say an account stopped being a customer, for CRMs that do not send churnedOn.</summary>
public static class ChurnFromEvents
{
    /// <summary>The date of the last churn event not followed by a new or reactivation event; null when there is none.</summary>
    public static DateOnly? LastChurn(IEnumerable<RevenueEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        DateOnly? churn = null;
        foreach (var e in events.OrderBy(e => e.Date))
        {
            if (e.Kind == RevenueEventKind.Churn) churn = e.Date;
            else if (e.Kind is RevenueEventKind.New or RevenueEventKind.Reactivation) churn = null;
        }
        return churn;
    }
}
