using CsBot.Core.Formatting;
using CsBot.Core.Signals;

namespace CsBot.Core.Metrics;

/// <summary>Metrics that count customers rather than money: logo churn, customer retention and renewal rate.</summary>
internal static class CustomerCountMetrics
{
    private const string NoCustomersAtStart = "No customers with MRR at the start of the period, so there is nobody to churn or retain.";

    /// <summary>Logo churn = customers at the start with a churn event in the period / customers at the start.</summary>
    public static MetricResult LogoChurnRate(MetricContext ctx, RevenueMovements m)
    {
        MetricInput[] inputs =
        [
            Fmt.Count("customers lost", m.CustomersLost),
            Fmt.Count("customers at start", m.CustomersAtStart),
        ];
        if (m.CustomersAtStart == 0)
            return ctx.Unavailable(NoCustomersAtStart, $"{ctx.Name} = customers lost / customers at start", inputs);

        var exact = Fmt.ExactPercent(m.CustomersLost, m.CustomersAtStart);
        var value = Fmt.RoundPercent(exact);
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Percent(value)} = lost {Format.Number(m.CustomersLost)} / customers at start {Format.Number(m.CustomersAtStart)}",
            inputs);
    }

    /// <summary>
    /// Customer retention = (customers at end - new customers) / customers at start. "New" counts every customer at the end
    /// that had no MRR at the start (new logos and won-back accounts), so the numerator is exactly the starting customers still there.
    /// </summary>
    public static MetricResult RetentionRate(MetricContext ctx, RevenueMovements m)
    {
        MetricInput[] inputs =
        [
            Fmt.Count("customers at end", m.CustomersAtEnd),
            Fmt.Count("new customers", m.NewCustomers),
            Fmt.Count("customers at start", m.CustomersAtStart),
        ];
        if (m.CustomersAtStart == 0)
            return ctx.Unavailable(NoCustomersAtStart, $"{ctx.Name} = (customers at end - new customers) / customers at start", inputs);

        var exact = Fmt.ExactPercent(m.CustomersAtEnd - m.NewCustomers, m.CustomersAtStart);
        var value = Fmt.RoundPercent(exact);
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Percent(value)} = (customers at end {Format.Number(m.CustomersAtEnd)} - new {Format.Number(m.NewCustomers)}) / customers at start {Format.Number(m.CustomersAtStart)}",
            inputs,
            "New customers are customers at the end that had no MRR at the start (new logos and won-back accounts).");
    }

    /// <summary>Renewal rate = renewed / up for renewal, over renewal outcomes dated in the period.</summary>
    public static MetricResult RenewalRate(MetricContext ctx, IEnumerable<AccountSignals> accounts)
    {
        int renewed = 0, churned = 0;
        decimal mrrBefore = 0, mrrAfter = 0;
        foreach (var account in accounts)
        {
            foreach (var outcome in account.RenewalOutcomes)
            {
                if (!ctx.Period.Contains(outcome.RenewalDate))
                    continue;
                if (outcome.Result == RenewalResult.Renewed)
                    renewed++;
                else
                    churned++;
                mrrBefore += outcome.MrrBefore;
                mrrAfter += outcome.MrrAfter;
            }
        }

        var due = renewed + churned;
        MetricInput[] inputs =
        [
            Fmt.Count("renewed", renewed),
            Fmt.Count("not renewed", churned),
            Fmt.Count("up for renewal", due),
            Fmt.Money("MRR up for renewal", mrrBefore),
            Fmt.Money("MRR after renewal", mrrAfter),
        ];
        if (due == 0)
            return ctx.Unavailable("No contracts came up for renewal in the period.", $"{ctx.Name} = renewed / up for renewal", inputs);

        var exact = Fmt.ExactPercent(renewed, due);
        var value = Fmt.RoundPercent(exact);
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Percent(value)} = renewed {Format.Number(renewed)} / up for renewal {Format.Number(due)}",
            inputs);
    }
}
