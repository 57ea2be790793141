namespace CsBot.Core.Metrics;

/// <summary>Customer-success metrics CsBot computes for a period, with their formula inputs.</summary>
public enum MetricKind
{
    LogoChurnRate,
    RetentionRate,
    GrossRevenueChurn,
    NetRevenueChurn,
    GrossRevenueRetention,
    NetRevenueRetention,
    ExpansionRevenueRate,
    Nps,
    Csat,
    Ces,
    RenewalRate,
    CustomerLifetimeValue,
    QuickRatio,
    AdoptionRate,
    Stickiness,
}
