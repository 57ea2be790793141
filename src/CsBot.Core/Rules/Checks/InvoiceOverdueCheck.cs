using CsBot.Core.Signals;
using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Rules.Checks;

/// <summary><see cref="RuleKind.InvoiceOverdue"/>: an unpaid invoice more than <c>Days</c> days past due.</summary>
internal static class InvoiceOverdueCheck
{
    public static Finding? Evaluate(RuleDefinition rule, RuleContext c)
    {
        if (rule.Days is not { } days) return null;
        Invoice? worst = null;
        int worstDays = 0, overdueCount = 0;
        var invoices = c.Signals.Invoices;
        for (var i = 0; i < invoices.Count; i++)
        {
            var invoice = invoices[i];
            if (invoice.IssuedOn > c.AsOf || !invoice.IsOpenOverdue(c.AsOf)) continue;
            var overdue = invoice.DaysOverdue(c.AsOf);
            if (overdue <= days) continue;
            overdueCount++;
            if (worst is null || overdue > worstDays)
            {
                worst = invoice;
                worstDays = overdue;
            }
        }
        if (worst is null) return null;
        var more = overdueCount > 1 ? $" ({overdueCount - 1} more over {Count(days, "day")})" : "";
        return new Finding($"invoice {worst.Id} ({Money(worst.Amount, c.Currency)}) is {Count(worstDays, "day")} overdue{more}", worstDays);
    }
}
