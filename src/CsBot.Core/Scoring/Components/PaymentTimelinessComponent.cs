using CsBot.Core.Signals;
using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Scoring.Components;

/// <summary>
/// <see cref="HealthComponentKind.PaymentTimeliness"/>: the most days overdue (or paid late) among invoices due in the
/// component's window.
/// </summary>
internal static class PaymentTimelinessComponent
{
    /// <summary>
    /// False when no invoice fell due in the window, with <paramref name="text"/> saying why; otherwise
    /// <paramref name="text"/> is the reason (only built when <paramref name="explain"/> is set).
    /// </summary>
    public static bool Measure(AccountSignals signals, DateOnly asOf, int windowDays, bool explain, out double value, out string? text)
    {
        value = 0;
        text = null;
        var days = Math.Max(1, windowDays);
        var from = asOf.AddDays(1 - days);
        Invoice? worst = null;
        int worstDays = -1, due = 0;
        var invoices = signals.Invoices;
        for (var i = 0; i < invoices.Count; i++)
        {
            var invoice = invoices[i];
            if (invoice.DueDate < from || invoice.DueDate > asOf || invoice.IssuedOn > asOf) continue;
            due++;
            var overdue = invoice.DaysOverdue(asOf);
            if (overdue > worstDays)
            {
                worstDays = overdue;
                worst = invoice;
            }
        }
        if (worst is null)
        {
            text = $"no invoices due in the last {days} days";
            return false;
        }
        value = worstDays;
        if (explain)
        {
            text = worstDays == 0
                ? $"no overdue invoices ({Count(due, "invoice")} due in the last {days} days)"
                : worst.IsOpenOverdue(asOf)
                    ? $"invoice {worst.Id} is {Count(worstDays, "day")} overdue"
                    : $"invoice {worst.Id} was paid {Count(worstDays, "day")} late";
        }
        return true;
    }
}
