using CsBot.Core.Signals;

namespace CsBot.Core.Prediction;

/// <summary>What a churn model learns to predict: the customer left, or cut more than a set share of its MRR, soon after a day.</summary>
/// <param name="HorizonDays">How many days after the snapshot count (default 90).</param>
/// <param name="ContractionShare">A contraction counts once the MRR cut within the horizon reaches this share of the MRR before it (default 0.2).</param>
public sealed record ChurnLabel(int HorizonDays = 90, double ContractionShare = 0.2)
{
    /// <summary>
    /// True when the account churned, or its contractions summed past the share, in (<paramref name="day"/>,
    /// <paramref name="day"/> + horizon]; null when that window is not over yet on <paramref name="today"/>, since an
    /// unfinished window would teach the model that recent accounts never churn.
    /// </summary>
    public bool? Of(AccountSignals signals, DateOnly day, DateOnly today)
    {
        var end = day.AddDays(HorizonDays);
        if (signals.Account.ChurnedOn is { } churned && churned >= day && churned <= end) return true;
        if (end > today) return null;

        decimal mrr = 0, cut = 0;
        foreach (var e in signals.RevenueEvents)
        {
            if (e.Date < day) mrr += e.MrrDelta;
            else if (e.Date <= end && e.Kind is RevenueEventKind.Contraction or RevenueEventKind.Churn) cut -= e.MrrDelta;
        }
        return mrr > 0 && cut >= mrr * (decimal)ContractionShare;
    }
}
