using CsBot.Core.Formatting;

namespace CsBot.Core.Metrics;

/// <summary>Metrics that count customers rather than money: logo churn and customer retention (renewal rate is <see cref="RenewalRateMetric"/>).</summary>
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
}
