namespace CsBot.DemoData;

/// <summary>The account story a demo account tells. Named accounts have a fixed one; generated accounts draw one.</summary>
public enum DemoScenarioKind
{
    /// <summary>Stable usage with noise, 60-95% seat utilisation, good NPS/CSAT, invoices paid on time. Trips no default rule.</summary>
    Healthy,
    /// <summary>Usage falling about 1% of its starting level a day for 60 days, with support tickets piling up: health drops.</summary>
    SlowDecay,
    /// <summary>Active users down about 60% over the last 7 days vs the 28 days before.</summary>
    UsageCliff,
    /// <summary>An unpaid invoice more than 30 days past due.</summary>
    InvoiceOverdue,
    /// <summary>An NPS response of 0-6 in the last 30 days.</summary>
    NpsDetractor,
    /// <summary>Two or more open critical tickets.</summary>
    CriticalTickets,
    /// <summary>Renewal within 60 days while health is average or poor (low adoption, long-open tickets, lukewarm surveys).</summary>
    RenewalAtRisk,
    /// <summary>Fewer than 30% of licensed seats active (7-day average).</summary>
    LowSeatUtilization,
    /// <summary>Nobody has logged in for 14+ days.</summary>
    NoLogin,
    /// <summary>A contraction of at least 20% of MRR in the last 30 days.</summary>
    Contraction,
    /// <summary>Churned in the past: kept for churn metrics, not scored.</summary>
    Churned,
}

/// <summary>
/// One named demo account and what CsBot is expected to say about it with the default rules
/// (<see cref="CsBot.Core.Rules.RulesOptions.Defaults"/>) on the generation day.
/// </summary>
/// <param name="AccountName">The account's exact <c>Account.Name</c>.</param>
/// <param name="PrimaryRuleId">The rule the scenario is built to trip; null for healthy and churned accounts.</param>
/// <param name="ExpectedRuleIds">Rules that must fire: the primary rule first, then rules that follow from the same signals
/// (e.g. an account nobody used for 18 days also shows a usage cliff and low seat utilisation).</param>
/// <param name="MayAlsoFireRuleIds">Health-score rules that the scenario's signals are likely to trip as well, depending on
/// scoring curves; an end-to-end test should tolerate them but not require them.</param>
public sealed record DemoScenario(
    string AccountName,
    DemoScenarioKind Kind,
    string? PrimaryRuleId,
    IReadOnlyList<string> ExpectedRuleIds,
    IReadOnlyList<string> MayAlsoFireRuleIds,
    string Description)
{
    /// <summary>True when the account should be alerted on (it has expected rules).</summary>
    public bool IsAtRisk => ExpectedRuleIds.Count > 0;
}

/// <summary>
/// The named accounts every demo portfolio contains (whatever the seed), with their expected rule hits, so demos and
/// end-to-end tests can assert "the expected at-risk accounts are alerted with the right reasons".
/// </summary>
public static class DemoScenarios
{
    /// <summary>Ids of the default rules (see <see cref="CsBot.Core.Rules.RulesOptions.Defaults"/>) the scenarios trip.</summary>
    public static class RuleIds
    {
        public const string HealthCritical = "health-critical";
        public const string HealthDrop = "health-drop";
        public const string UsageCliff = "usage-cliff";
        public const string LowSeatUtilization = "low-seat-utilization";
        public const string NoLogin = "no-login";
        public const string NpsDetractor = "nps-detractor";
        public const string LowCsat = "low-csat";
        public const string InvoiceOverdue = "invoice-overdue";
        public const string CriticalTickets = "critical-tickets";
        public const string RenewalAtRisk = "renewal-at-risk";
        public const string Contraction = "contraction";
    }

    // Healthy named accounts; some share a first word with an at-risk one so name resolution has real ambiguity.
    public const string AcmeCorp = "Acme Corp";
    public const string Globex = "Globex";
    public const string StarkIndustries = "Stark Industries";
    public const string WayneEnterprises = "Wayne Enterprises";
    public const string Initrode = "Initrode";
    public const string CyberdyneSystems = "Cyberdyne Systems";

    // At-risk named accounts, one per scenario.
    public const string AcmeLabs = "Acme Labs";
    public const string Initech = "Initech";
    public const string UmbrellaHealth = "Umbrella Health";
    public const string StarkLogistics = "Stark Logistics";
    public const string WayneAnalytics = "Wayne Analytics";
    public const string SoylentFoods = "Soylent Foods";
    public const string Hooli = "Hooli";
    public const string VandelayImports = "Vandelay Imports";
    public const string PiedPiper = "Pied Piper";

    /// <summary>Churned about 100 days before the generation day, at its annual renewal.</summary>
    public const string MassiveDynamic = "Massive Dynamic";

    /// <summary>Every named account, in the order they appear at the head of the portfolio (acc-0001 onwards).</summary>
    public static IReadOnlyList<DemoScenario> All { get; } =
    [
        Healthy(AcmeCorp, "Enterprise, renewing in about 45 days with good health: renewal-at-risk must stay quiet. Alias \"Acme\"."),
        Scenario(AcmeLabs, DemoScenarioKind.SlowDecay, RuleIds.HealthDrop, [], [],
            "Usage sliding about 1% of its level a day for 60 days and two high-severity tickets open: health falls 15+ points in 30 days."),
        Healthy(Globex, "Enterprise on a 3-year contract, steady and well adopted."),
        Healthy(StarkIndustries, "Enterprise, healthy; not to be confused with Stark Logistics."),
        Healthy(WayneEnterprises, "Enterprise on a 2-year contract, healthy; not to be confused with Wayne Analytics."),
        Scenario(Initech, DemoScenarioKind.UsageCliff, RuleIds.UsageCliff, [], [RuleIds.HealthDrop],
            "Active users down about 60% over the last 7 days vs the 28 days before."),
        Scenario(UmbrellaHealth, DemoScenarioKind.InvoiceOverdue, RuleIds.InvoiceOverdue, [], [],
            "Annual invoice issued about 75 days ago, due 45 days ago, still unpaid."),
        Scenario(StarkLogistics, DemoScenarioKind.NpsDetractor, RuleIds.NpsDetractor, [], [],
            "NPS 3 from the operations lead 9 days ago after earlier promoter scores."),
        Scenario(WayneAnalytics, DemoScenarioKind.CriticalTickets, RuleIds.CriticalTickets, [], [RuleIds.HealthDrop],
            "Two critical tickets opened 3 days and 1 day ago, both still open."),
        Scenario(SoylentFoods, DemoScenarioKind.RenewalAtRisk, RuleIds.RenewalAtRisk, [], [],
            "Renewal in about 40 days with average health: ~40% seat utilisation, infrequent logins, long-open tickets, lukewarm surveys, late payments."),
        Scenario(Hooli, DemoScenarioKind.LowSeatUtilization, RuleIds.LowSeatUtilization, [], [],
            "1,000 seats bought, about 22% of them active on a typical day, for months."),
        Scenario(VandelayImports, DemoScenarioKind.NoLogin, RuleIds.NoLogin, [RuleIds.UsageCliff, RuleIds.LowSeatUtilization],
            [RuleIds.HealthDrop, RuleIds.HealthCritical],
            "Monthly SMB customer: nobody has used the product or logged in for the last 18 days."),
        Scenario(PiedPiper, DemoScenarioKind.Contraction, RuleIds.Contraction, [], [],
            "Renewed 12 days ago with a 30% downsell (seats cut accordingly)."),
        Healthy(Initrode, "SMB on a monthly plan, healthy; not to be confused with Initech."),
        Healthy(CyberdyneSystems, "Mid-Market, renewing in about 75 days, healthy."),
        new(MassiveDynamic, DemoScenarioKind.Churned, null, [], [],
            "Churned at its annual renewal about 100 days ago; has a Churn revenue event and a Churned renewal outcome."),
    ];

    /// <summary>Named accounts that must be alerted, with their primary rule.</summary>
    public static IReadOnlyList<DemoScenario> AtRisk { get; } = [.. All.Where(s => s.IsAtRisk)];

    /// <summary>Named active accounts that must trip no default rule.</summary>
    public static IReadOnlyList<string> HealthyAccountNames { get; } =
        [.. All.Where(s => s.Kind == DemoScenarioKind.Healthy).Select(s => s.AccountName)];

    /// <summary>Expected rule ids by account name, for the at-risk named accounts.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ExpectedRulesByAccount { get; } =
        AtRisk.ToDictionary(s => s.AccountName, s => s.ExpectedRuleIds, StringComparer.Ordinal);

    /// <summary>The scenario of a named account; throws <see cref="KeyNotFoundException"/> for other names.</summary>
    public static DemoScenario ForAccount(string accountName) =>
        All.FirstOrDefault(s => string.Equals(s.AccountName, accountName, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No named demo account \"{accountName}\".");

    private static DemoScenario Healthy(string name, string description) =>
        new(name, DemoScenarioKind.Healthy, null, [], [], description);

    private static DemoScenario Scenario(string name, DemoScenarioKind kind, string primary, string[] alsoExpected, string[] mayAlso, string description) =>
        new(name, kind, primary, [primary, .. alsoExpected], mayAlso, description);
}
