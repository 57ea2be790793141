namespace CsBot.Core.Metrics;

/// <summary>Short display names and one-line descriptions of the metrics, for chat answers and help text.</summary>
public static class MetricNames
{
    /// <summary>Short display name, e.g. "NRR", "Logo churn".</summary>
    public static string Name(MetricKind metric) => metric switch
    {
        MetricKind.LogoChurnRate => "Logo churn",
        MetricKind.RetentionRate => "Retention rate",
        MetricKind.GrossRevenueChurn => "Gross revenue churn",
        MetricKind.NetRevenueChurn => "Net revenue churn",
        MetricKind.GrossRevenueRetention => "GRR",
        MetricKind.NetRevenueRetention => "NRR",
        MetricKind.ExpansionRevenueRate => "Expansion rate",
        MetricKind.Nps => "NPS",
        MetricKind.Csat => "CSAT",
        MetricKind.Ces => "CES",
        MetricKind.RenewalRate => "Renewal rate",
        MetricKind.CustomerLifetimeValue => "CLV",
        MetricKind.QuickRatio => "Quick ratio",
        MetricKind.AdoptionRate => "Adoption rate",
        MetricKind.Stickiness => "Stickiness",
        _ => metric.ToString(),
    };

    /// <summary>One line saying what the metric measures and how.</summary>
    public static string Description(MetricKind metric) => metric switch
    {
        MetricKind.LogoChurnRate => "Share of customers at the start of the period that churned during it.",
        MetricKind.RetentionRate => "Customers at the end, minus those acquired in the period, as a share of customers at the start.",
        MetricKind.GrossRevenueChurn => "MRR lost to contraction and churn as a share of MRR at the start of the period.",
        MetricKind.NetRevenueChurn => "MRR lost to contraction and churn, net of expansion, as a share of MRR at the start (negative when expansion outweighs losses).",
        MetricKind.GrossRevenueRetention => "Gross revenue retention: MRR kept from existing customers after contraction and churn, without expansion.",
        MetricKind.NetRevenueRetention => "Net revenue retention: MRR from existing customers after expansion, contraction and churn, against MRR at the start.",
        MetricKind.ExpansionRevenueRate => "Expansion MRR from existing customers (upsell, cross-sell, upgrades) as a share of MRR at the start.",
        MetricKind.Nps => "Net Promoter Score: % promoters (9-10) minus % detractors (0-6), from -100 to 100.",
        MetricKind.Csat => "Customer satisfaction: average 1-5 survey score, with the share of satisfied (4-5) answers.",
        MetricKind.Ces => "Customer effort score: average 1-7 survey score; higher means easier.",
        MetricKind.RenewalRate => "Share of contracts up for renewal in the period that renewed.",
        MetricKind.CustomerLifetimeValue => "Customer lifetime value: revenue per account times gross margin, divided by the monthly revenue churn rate.",
        MetricKind.QuickRatio => "MRR gained (new, reactivation, expansion) per unit of MRR lost (contraction, churn); above 4 is efficient growth.",
        MetricKind.AdoptionRate => "Share of active accounts that have fully adopted the product over the last 30 days (seat use and key feature use).",
        MetricKind.Stickiness => "DAU/MAU: how many of the monthly active users come back on a given day.",
        _ => "",
    };

    /// <summary>The unit a metric's value is expressed in.</summary>
    public static MetricUnit Unit(MetricKind metric) => metric switch
    {
        MetricKind.Nps or MetricKind.Csat or MetricKind.Ces => MetricUnit.Score,
        MetricKind.CustomerLifetimeValue => MetricUnit.Money,
        MetricKind.QuickRatio => MetricUnit.Ratio,
        _ => MetricUnit.Percent,
    };
}
