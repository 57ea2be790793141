using CsBot.Core.Formatting;

namespace CsBot.Core.Metrics;

/// <summary>
/// MRR-based metrics: revenue churn, GRR, NRR, expansion rate, CLV and quick ratio. Retention-style metrics only count
/// movements of accounts that had MRR at the start (see <see cref="RevenueMovements"/>).
/// </summary>
internal static class RevenueMetrics
{
    private const string NoStartMrr = "No customers with MRR at the start of the period, so there is no base to compare against.";

    public static MetricResult GrossRevenueChurn(MetricContext ctx, RevenueMovements m)
    {
        var inputs = CohortInputs(m, withExpansion: false);
        if (m.StartMrr <= 0)
            return ctx.Unavailable(NoStartMrr, $"{ctx.Name} = (contraction + churn) / start MRR", inputs);

        var exact = Fmt.ExactPercent(m.ExistingContraction + m.ExistingChurn, m.StartMrr);
        var value = Fmt.RoundPercent(exact);
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Percent(value)} = (contraction {ctx.Money(m.ExistingContraction)} + churn {ctx.Money(m.ExistingChurn)}) / start {ctx.Money(m.StartMrr)}",
            inputs, CohortNote(ctx, m, expansionCounted: false));
    }

    public static MetricResult NetRevenueChurn(MetricContext ctx, RevenueMovements m)
    {
        var inputs = CohortInputs(m, withExpansion: true);
        if (m.StartMrr <= 0)
            return ctx.Unavailable(NoStartMrr, $"{ctx.Name} = (contraction + churn - expansion) / start MRR", inputs);

        var exact = Fmt.ExactPercent(m.ExistingContraction + m.ExistingChurn - m.ExistingExpansion, m.StartMrr);
        var value = Fmt.RoundPercent(exact);
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Percent(value)} = (contraction {ctx.Money(m.ExistingContraction)} + churn {ctx.Money(m.ExistingChurn)} - expansion {ctx.Money(m.ExistingExpansion)}) / start {ctx.Money(m.StartMrr)}",
            inputs, CohortNote(ctx, m, expansionCounted: true));
    }

    public static MetricResult GrossRevenueRetention(MetricContext ctx, RevenueMovements m)
    {
        var inputs = CohortInputs(m, withExpansion: false);
        if (m.StartMrr <= 0)
            return ctx.Unavailable(NoStartMrr, $"{ctx.Name} = (start MRR - contraction - churn) / start MRR", inputs);

        var exact = Fmt.ExactPercent(m.StartMrr - m.ExistingContraction - m.ExistingChurn, m.StartMrr);
        var value = Fmt.RoundPercent(exact);
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Percent(value)} = (start {ctx.Money(m.StartMrr)} - contraction {ctx.Money(m.ExistingContraction)} - churn {ctx.Money(m.ExistingChurn)}) / {ctx.Money(m.StartMrr)}",
            inputs, CohortNote(ctx, m, expansionCounted: false));
    }

    public static MetricResult NetRevenueRetention(MetricContext ctx, RevenueMovements m)
    {
        var inputs = CohortInputs(m, withExpansion: true);
        if (m.StartMrr <= 0)
            return ctx.Unavailable(NoStartMrr, $"{ctx.Name} = (start MRR + expansion - contraction - churn) / start MRR", inputs);

        var exact = Fmt.ExactPercent(m.StartMrr + m.ExistingExpansion - m.ExistingContraction - m.ExistingChurn, m.StartMrr);
        var value = Fmt.RoundPercent(exact);
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Percent(value)} = (start {ctx.Money(m.StartMrr)} + expansion {ctx.Money(m.ExistingExpansion)} - contraction {ctx.Money(m.ExistingContraction)} - churn {ctx.Money(m.ExistingChurn)}) / {ctx.Money(m.StartMrr)}",
            inputs, CohortNote(ctx, m, expansionCounted: true));
    }

    public static MetricResult ExpansionRevenueRate(MetricContext ctx, RevenueMovements m)
    {
        MetricInput[] inputs =
        [
            Fmt.Money("start MRR", m.StartMrr),
            Fmt.Money("expansion", m.ExistingExpansion),
            Fmt.Count("customers at start", m.CustomersAtStart),
        ];
        if (m.StartMrr <= 0)
            return ctx.Unavailable(NoStartMrr, $"{ctx.Name} = expansion / start MRR", inputs);

        var exact = Fmt.ExactPercent(m.ExistingExpansion, m.StartMrr);
        var value = Fmt.RoundPercent(exact);
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Percent(value)} = expansion {ctx.Money(m.ExistingExpansion)} / start {ctx.Money(m.StartMrr)}",
            inputs, CohortNote(ctx, m, expansionCounted: true));
    }

    /// <summary>CLV = ARPA x gross margin / monthly revenue churn rate.</summary>
    public static MetricResult CustomerLifetimeValue(MetricContext ctx, RevenueMovements m)
    {
        const string words = "CLV = ARPA (end MRR / customers at end) x gross margin / monthly gross revenue churn";
        var margin = ctx.Options.GrossMargin;
        var months = MetricsCalculator.MonthsIn(ctx.Period);
        var inputs = new List<MetricInput>
        {
            Fmt.Money("end MRR", m.EndMrr),
            Fmt.Count("customers at end", m.CustomersAtEnd),
            Fmt.PercentInput("gross margin", margin * 100m),
            Fmt.Money("start MRR", m.StartMrr),
            Fmt.Money("contraction", m.ExistingContraction),
            Fmt.Money("churn", m.ExistingChurn),
            Fmt.Count("months", months),
        };

        if (m.CustomersAtEnd == 0)
            return ctx.Unavailable("No customers with MRR at the end of the period, so there is no revenue per account.", words, inputs);
        var arpa = m.EndMrr / m.CustomersAtEnd;
        inputs.Insert(2, Fmt.Money("ARPA", Fmt.Round2(arpa)));

        if (m.StartMrr <= 0)
            return ctx.Unavailable(NoStartMrr + " Revenue churn, and so CLV, cannot be computed.", words, inputs);

        var lost = m.ExistingContraction + m.ExistingChurn;
        if (lost <= 0)
            return ctx.Unavailable(
                $"No contraction or churn in the period: with zero revenue churn CLV is unbounded, so no value is given (ARPA {ctx.Money(arpa)}).",
                words, inputs);
        if (margin <= 0)
            return ctx.Unavailable("Gross margin is not configured (Metrics:GrossMargin must be above 0).", words, inputs);

        var periodChurn = lost / m.StartMrr;
        var monthlyChurn = periodChurn / months;
        inputs.Add(Fmt.PercentInput("gross revenue churn", Fmt.RoundPercent(periodChurn * 100m)));
        inputs.Add(Fmt.PercentInput("monthly revenue churn", Fmt.Round2(monthlyChurn * 100m)));

        var exact = arpa * margin / monthlyChurn;
        var value = Fmt.Round2(exact);
        var monthsText = months == 1 ? "1 month" : $"{months} months";
        return ctx.Result(exact, value,
            $"{ctx.Name} {ctx.Money(value)} = ARPA {ctx.Money(arpa)} x gross margin {Format.Percent(margin * 100m)} / monthly revenue churn {Format.Percent(monthlyChurn * 100m, 2)} " +
            $"(gross revenue churn {Format.Percent(periodChurn * 100m)} over {monthsText}; ARPA = end {ctx.Money(m.EndMrr)} / {Format.Number(m.CustomersAtEnd)} customers)",
            inputs, $"Money in {ctx.Options.Currency}.");
    }

    /// <summary>Quick ratio = (new + reactivation + expansion) / (contraction + churn), whole portfolio.</summary>
    public static MetricResult QuickRatio(MetricContext ctx, RevenueMovements m)
    {
        MetricInput[] inputs =
        [
            Fmt.Money("new", m.New),
            Fmt.Money("reactivation", m.Reactivation),
            Fmt.Money("expansion", m.Expansion),
            Fmt.Money("contraction", m.Contraction),
            Fmt.Money("churn", m.Churn),
        ];
        var gained = m.New + m.Reactivation + m.Expansion;
        var lost = m.Contraction + m.Churn;
        if (lost <= 0)
            return ctx.Unavailable(
                gained > 0
                    ? $"No contraction or churn in the period: the quick ratio is unbounded ({ctx.Money(gained)} MRR gained, nothing lost)."
                    : "No MRR movements in the period.",
                $"{ctx.Name} = (new + reactivation + expansion) / (contraction + churn)", inputs);

        var exact = gained / lost;
        var value = Fmt.Round2(exact);
        return ctx.Result(exact, value,
            $"{ctx.Name} {Format.Fixed(value, 2)} = (new {ctx.Money(m.New)} + reactivation {ctx.Money(m.Reactivation)} + expansion {ctx.Money(m.Expansion)}) / (contraction {ctx.Money(m.Contraction)} + churn {ctx.Money(m.Churn)})",
            inputs, "Whole portfolio, new logos included.");
    }

    private static MetricInput[] CohortInputs(RevenueMovements m, bool withExpansion)
    {
        var inputs = new List<MetricInput> { Fmt.Money("start MRR", m.StartMrr) };
        if (withExpansion)
            inputs.Add(Fmt.Money("expansion", m.ExistingExpansion));
        inputs.Add(Fmt.Money("contraction", m.ExistingContraction));
        inputs.Add(Fmt.Money("churn", m.ExistingChurn));
        inputs.Add(Fmt.Count("customers at start", m.CustomersAtStart));
        if (withExpansion && m.ExistingReactivation > 0)
            inputs.Add(Fmt.Money("reactivation counted as expansion", m.ExistingReactivation));
        if (m.ExcludedAccounts > 0)
        {
            inputs.Add(Fmt.Count("excluded accounts without MRR at start", m.ExcludedAccounts));
            inputs.Add(Fmt.Money("excluded net MRR change", m.ExcludedNetMrr));
        }
        return [.. inputs];
    }

    private static string? CohortNote(MetricContext ctx, RevenueMovements m, bool expansionCounted)
    {
        var parts = new List<string>();
        if (m.ExcludedAccounts > 0)
            parts.Add($"Only accounts with MRR at the start count: {Format.Number(m.ExcludedAccounts)} new or reactivated account(s) " +
                      $"without MRR at the start are excluded (net {ctx.Money(m.ExcludedNetMrr)} MRR in the period).");
        if (expansionCounted && m.ExistingReactivation > 0)
            parts.Add($"Reactivation of {ctx.Money(m.ExistingReactivation)} by accounts that had MRR at the start is counted as expansion.");
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }
}
