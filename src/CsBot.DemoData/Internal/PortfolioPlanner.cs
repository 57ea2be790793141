using CsBot.Core.Accounts;
using static CsBot.DemoData.DemoScenarios;

namespace CsBot.DemoData.Internal;

/// <summary>Decides who each account is: the named demo accounts first, then generated ones.</summary>
internal static class PortfolioPlanner
{
    public static int NamedCount => DemoScenarios.All.Count;

    /// <param name="riskRng">The account's second random stream, for its latent risk and what follows from it; kept apart
    /// so the scripted scenarios draw exactly what they drew before the latent risk existed.</param>
    public static AccountPlan Plan(int number, DateOnly today, int nameOffset, DemoRandom rng, DemoRandom riskRng) =>
        number <= NamedCount ? Named(number, today, rng) : Generated(number, today, nameOffset, rng, riskRng);

    private static DateOnly StartForRenewal(DateOnly today, int renewalInDays, int termMonths, int termsBack) =>
        today.AddDays(renewalInDays).AddMonths(-termMonths * termsBack);

    private static AccountPlan Named(int number, DateOnly today, DemoRandom rng)
    {
        var scenario = DemoScenarios.All[number - 1];
        AccountPlan Annual(string segment, string plan, Person owner, int renewalInDays, int years, decimal mrr, int seats, double utilization,
            string domain, string[] aliases, int notice = 60, bool autoRenew = true, double loginsPerUser = 1.3) => new()
        {
            Number = number, Name = scenario.AccountName, Aliases = aliases, Domain = domain, Segment = segment, PlanName = plan,
            Kind = scenario.Kind, Owner = owner, Contract = ContractKind.Annual, TermMonths = 12,
            StartDate = StartForRenewal(today, renewalInDays, 12, years), AutoRenew = autoRenew, NoticePeriodDays = notice,
            StartMrr = mrr, StartSeats = seats, Utilization = utilization, LoginsPerActiveUser = loginsPerUser,
            KeyFeatureUsesPerActiveUser = 1.6, MauRatio = 1.25, RandomRevenueChanges = false,
        };

        return scenario.AccountName switch
        {
            AcmeCorp => Annual("Enterprise", "Enterprise", DemoTeam.DanaWhitfield, 45, 3, 42_000m, 1_200, 0.82, "acme-corp.example", ["ACME Corporation"], notice: 90),
            AcmeLabs => Annual("Mid-Market", "Business", DemoTeam.DanaWhitfield, 150, 2, 6_800m, 160, 0.88, "acmelabs.example", ["Acme Laboratories"]),
            Globex => new()
            {
                Number = number, Name = Globex, Aliases = ["Globex Corporation"], Domain = "globex.example", Segment = "Enterprise", PlanName = "Enterprise",
                Kind = DemoScenarioKind.Healthy, Owner = DemoTeam.MarcusOyelaran, Contract = ContractKind.MultiYear, TermMonths = 36,
                StartDate = StartForRenewal(today, 200, 36, 1), AutoRenew = false, NoticePeriodDays = 90,
                StartMrr = 65_000m, StartSeats = 2_000, Utilization = 0.78, LoginsPerActiveUser = 1.3, KeyFeatureUsesPerActiveUser = 1.8, MauRatio = 1.25,
                RandomRevenueChanges = false,
            },
            StarkIndustries => Annual("Enterprise", "Enterprise", DemoTeam.MarcusOyelaran, 120, 4, 38_000m, 900, 0.85, "stark-industries.example", ["Stark Ind"], notice: 90),
            WayneEnterprises => new()
            {
                Number = number, Name = WayneEnterprises, Aliases = ["Wayne Corp"], Domain = "wayne-enterprises.example", Segment = "Enterprise", PlanName = "Enterprise",
                Kind = DemoScenarioKind.Healthy, Owner = DemoTeam.DanaWhitfield, Contract = ContractKind.MultiYear, TermMonths = 24,
                StartDate = StartForRenewal(today, 300, 24, 1), AutoRenew = true, NoticePeriodDays = 90,
                StartMrr = 54_000m, StartSeats = 1_500, Utilization = 0.80, LoginsPerActiveUser = 1.3, KeyFeatureUsesPerActiveUser = 1.5, MauRatio = 1.25,
                RandomRevenueChanges = false,
            },
            Initech => Annual("Mid-Market", "Business", DemoTeam.PriyaRaman, 95, 3, 9_400m, 240, 0.86, "initech.example", ["Initech Inc"]),
            UmbrellaHealth => Annual("Enterprise", "Enterprise", DemoTeam.MarcusOyelaran, 290, 3, 27_500m, 700, 0.80, "umbrella-health.example", ["Umbrella"], notice: 90)
                with { UnpaidDueFrom = today.AddDays(-75) },
            StarkLogistics => Annual("Mid-Market", "Professional", DemoTeam.TomasHerrera, 180, 2, 7_200m, 180, 0.76, "stark-logistics.example", []),
            WayneAnalytics => Annual("Mid-Market", "Business", DemoTeam.PriyaRaman, 210, 2, 11_800m, 260, 0.80, "wayne-analytics.example", []),
            SoylentFoods => Annual("Mid-Market", "Professional", DemoTeam.GraceLiu, 40, 3, 8_900m, 220, 0.40, "soylent-foods.example", ["Soylent"], loginsPerUser: 0.75),
            Hooli => Annual("Enterprise", "Enterprise", DemoTeam.DanaWhitfield, 160, 2, 31_000m, 1_000, 0.22, "hooli.example", ["Hooli XYZ"], notice: 90, loginsPerUser: 1.2),
            VandelayImports => new()
            {
                Number = number, Name = VandelayImports, Aliases = ["Vandelay"], Domain = "vandelay-imports.example", Segment = "SMB", PlanName = "Team",
                Kind = DemoScenarioKind.NoLogin, Owner = DemoTeam.BenKowalski, Contract = ContractKind.Monthly, TermMonths = 1,
                StartDate = today.AddDays(-700), AutoRenew = true, NoticePeriodDays = 30,
                StartMrr = 890m, StartSeats = 24, Utilization = 0.75, LoginsPerActiveUser = 1.2, KeyFeatureUsesPerActiveUser = 1.2, MauRatio = 1.2,
                RandomRevenueChanges = false, DarkDays = 18,
            },
            PiedPiper => WithContractionAtLastRenewal(
                Annual("Mid-Market", "Business", DemoTeam.TomasHerrera, 365 - 12, 2, 9_000m, 200, 0.75, "piedpiper.example", ["PiedPiper"]), today),
            Initrode => new()
            {
                Number = number, Name = Initrode, Aliases = [], Domain = "initrode.example", Segment = "SMB", PlanName = "Team",
                Kind = DemoScenarioKind.Healthy, Owner = DemoTeam.AishaKarim, Contract = ContractKind.Monthly, TermMonths = 1,
                StartDate = today.AddDays(-1_050), AutoRenew = true, NoticePeriodDays = 30,
                StartMrr = 640m, StartSeats = 15, Utilization = 0.80, LoginsPerActiveUser = 1.3, KeyFeatureUsesPerActiveUser = 1.4, MauRatio = 1.2,
                RandomRevenueChanges = false,
            },
            CyberdyneSystems => Annual("Mid-Market", "Business", DemoTeam.GraceLiu, 75, 2, 5_200m, 120, 0.83, "cyberdyne.example", ["Cyberdyne"]),
            MassiveDynamic => Churned(number, today, rng),
            _ => throw new InvalidOperationException($"No plan for named account {scenario.AccountName}."),
        };
    }

    private static AccountPlan WithContractionAtLastRenewal(AccountPlan plan, DateOnly today) =>
        plan with { ContractionDate = LastBoundary(plan, today), ContractionShare = 0.3 };

    private static AccountPlan Churned(int number, DateOnly today, DemoRandom rng)
    {
        var churnedOn = today.AddDays(-100);
        var start = churnedOn.AddYears(-2);
        return new AccountPlan
        {
            Number = number, Name = MassiveDynamic, Aliases = [], Domain = "massive-dynamic.example", Segment = "Mid-Market", PlanName = "Business",
            Kind = DemoScenarioKind.Churned, Owner = DemoTeam.PriyaRaman, Contract = ContractKind.Annual, TermMonths = 12,
            StartDate = start, ChurnedOn = start.AddYears(2), AutoRenew = false, NoticePeriodDays = 60,
            StartMrr = 4_600m, StartSeats = 110, Utilization = 0.7, LoginsPerActiveUser = 1.1, KeyFeatureUsesPerActiveUser = 0.9, MauRatio = 1.3,
            RandomRevenueChanges = false,
        };
    }

    private static readonly DemoScenarioKind[] AtRiskKinds =
    [
        DemoScenarioKind.SlowDecay, DemoScenarioKind.UsageCliff, DemoScenarioKind.InvoiceOverdue, DemoScenarioKind.NpsDetractor,
        DemoScenarioKind.CriticalTickets, DemoScenarioKind.RenewalAtRisk, DemoScenarioKind.LowSeatUtilization,
        DemoScenarioKind.NoLogin, DemoScenarioKind.Contraction,
    ];

    /// <summary>
    /// Share of generated accounts drawn first as candidates for the latent-risk story only; the draw is kept so each
    /// account's later draws stay where they were. Whether an account churned is decided by its latent risk.
    /// </summary>
    private const double FirstDrawShare = 0.12;
    /// <summary>Share of generated active accounts given one of the at-risk scenarios (split evenly between them).</summary>
    private const double AtRiskShare = 0.30;

    private static AccountPlan Generated(int number, DateOnly today, int nameOffset, DemoRandom rng, DemoRandom riskRng)
    {
        var (compound, industry, round) = CompanyNames.For(number - NamedCount - 1, nameOffset);
        var name = round == 0 ? $"{compound} {industry}" : $"{compound} {industry} {round + 1}";
        var domain = (round == 0 ? $"{compound}-{industry}" : $"{compound}-{industry}-{round + 1}").ToLowerInvariant() + ".example";
        string[] aliases = rng.Chance(0.4) ? [compound] : [];

        // Accounts without a scripted scenario live the latent-risk story: some of them churn (see ChurnByLatentRisk).
        var kind = rng.Chance(FirstDrawShare) ? DemoScenarioKind.Healthy
            : rng.Chance(AtRiskShare) ? AtRiskKinds[rng.Int(0, AtRiskKinds.Length - 1)]
            : DemoScenarioKind.Healthy;

        var segmentRoll = rng.Next();
        var segment = segmentRoll < 0.5 ? "SMB" : segmentRoll < 0.85 ? "Mid-Market" : "Enterprise";
        decimal mrr; int seats; string plan; ContractKind contract; int term; int notice; bool autoRenew;
        switch (segment)
        {
            case "Enterprise":
                mrr = RoundMoney(rng.LogRange(15_000, 120_000), 100m);
                seats = (int)Math.Round((double)mrr / rng.Range(35, 70));
                plan = "Enterprise";
                contract = rng.Chance(0.6) ? ContractKind.Annual : ContractKind.MultiYear;
                term = contract == ContractKind.Annual ? 12 : rng.Chance(0.5) ? 24 : 36;
                notice = rng.Chance(0.7) ? 90 : 60;
                autoRenew = rng.Chance(0.5);
                break;
            case "Mid-Market":
                mrr = RoundMoney(rng.LogRange(2_000, 15_000), 50m);
                seats = (int)Math.Round((double)mrr / rng.Range(30, 55));
                plan = rng.Chance(0.5) ? "Business" : "Professional";
                contract = rng.Chance(0.85) ? ContractKind.Annual : ContractKind.Monthly;
                term = contract == ContractKind.Annual ? 12 : 1;
                notice = rng.Chance(0.5) ? 60 : 30;
                autoRenew = rng.Chance(0.7);
                break;
            default:
                mrr = RoundMoney(rng.LogRange(150, 2_000), 10m);
                seats = Math.Max(5, (int)Math.Round((double)mrr / rng.Range(18, 35)));
                plan = mrr < 500m ? "Starter" : "Team";
                contract = rng.Chance(0.65) ? ContractKind.Monthly : ContractKind.Annual;
                term = contract == ContractKind.Annual ? 12 : 1;
                notice = 30;
                autoRenew = rng.Chance(0.85);
                break;
        }

        // A renewal needs a dated contract.
        if (kind == DemoScenarioKind.RenewalAtRisk && contract == ContractKind.Monthly)
        {
            contract = ContractKind.Annual;
            term = 12;
        }
        if (contract == ContractKind.Monthly) autoRenew = true;

        var scripted = kind is not (DemoScenarioKind.Healthy or DemoScenarioKind.Churned);
        DateOnly start;
        DateOnly? churnedOn = null;
        DateOnly? contractionDate = null;
        DateOnly? unpaidDueFrom = null;

        if (contract == ContractKind.Monthly)
        {
            // Scenario accounts have a long history behind them; healthy ones include recent sign-ups (at least 20 days in).
            start = scripted ? today.AddDays(-rng.Int(240, 1_500)) : today.AddDays(-(20 + (int)(1_500 * Math.Pow(rng.Next(), 1.6))));
        }
        else
        {
            var renewalIn = kind switch
            {
                DemoScenarioKind.RenewalAtRisk => rng.Int(10, 55),
                DemoScenarioKind.InvoiceOverdue => rng.Int(265, 300), // last anniversary invoice issued 65-100 days ago
                _ => rng.Int(1, 365),
            };
            // Keep other at-risk accounts' renewals beyond the renewal-at-risk window so each tells one story.
            if (scripted && kind != DemoScenarioKind.RenewalAtRisk && renewalIn <= 60) renewalIn += 61;
            var maxTermsBack = term == 12 ? 5 : 2;
            var termsBack = rng.Int(scripted ? 2 : 1, maxTermsBack);
            if (term > 12) termsBack = rng.Int(1, 2);
            start = StartForRenewal(today, renewalIn, term, termsBack);
            if (start > today.AddDays(-20)) start = start.AddMonths(-term);
        }

        LatentRisk? risk = null;
        var windDownDays = 0;
        if (kind == DemoScenarioKind.Healthy)
        {
            var riskFrom = today.AddDays(-DemoPortfolio.HistoryDays - 90);
            risk = LatentRisk.Draw(start > riskFrom ? start : riskFrom, today, riskRng);
            churnedOn = ChurnByLatentRisk(start, contract == ContractKind.Monthly ? 1 : term, today, risk, riskRng);
            if (churnedOn is not null)
            {
                kind = DemoScenarioKind.Churned;
                autoRenew = false;
                // Most customers who decided to leave wind down first (moving data, training on the replacement); some use it to the last day.
                windDownDays = riskRng.Chance(0.65) ? riskRng.Int(20, 75) : 0;
            }
        }

        if (kind == DemoScenarioKind.Contraction) contractionDate = today.AddDays(-rng.Int(3, 25));
        if (kind == DemoScenarioKind.InvoiceOverdue) unpaidDueFrom = today.AddDays(contract == ContractKind.Monthly ? -65 : -100);

        var utilization = kind switch
        {
            DemoScenarioKind.LowSeatUtilization => rng.Range(0.12, 0.26),
            DemoScenarioKind.RenewalAtRisk => rng.Range(0.33, 0.45),
            DemoScenarioKind.SlowDecay => rng.Range(0.8, 0.92),
            DemoScenarioKind.UsageCliff => rng.Range(0.8, 0.92),
            _ => rng.Range(0.62, 0.92),
        };

        return new AccountPlan
        {
            Number = number, Name = name, Aliases = aliases, Domain = domain, Segment = segment, PlanName = plan, Kind = kind,
            Owner = rng.Pick(DemoTeam.OwnersFor(segment)), Contract = contract, TermMonths = term, StartDate = start, ChurnedOn = churnedOn,
            AutoRenew = autoRenew, NoticePeriodDays = notice, StartMrr = mrr, StartSeats = Math.Max(5, seats),
            Utilization = utilization,
            LoginsPerActiveUser = kind == DemoScenarioKind.RenewalAtRisk ? rng.Range(0.6, 0.8) : rng.Range(1.1, 1.6),
            KeyFeatureUsesPerActiveUser = rng.Chance(0.2) ? rng.Range(0.1, 0.3) : rng.Range(0.5, 2.5),
            MauRatio = kind == DemoScenarioKind.LowSeatUtilization ? rng.Range(1.4, 1.8) : rng.Range(1.15, 1.35),
            RandomRevenueChanges = true,
            Risk = risk,
            WindDownDays = windDownDays,
            CliffFactor = rng.Range(0.3, 0.5),
            DarkDays = rng.Int(15, 30),
            ContractionShare = rng.Range(0.22, 0.4),
            ContractionDate = contractionDate,
            UnpaidDueFrom = unpaidDueFrom,
            DetractorDaysAgo = rng.Int(2, 25),
            DetractorScore = rng.Int(0, 5),
            CriticalTicketDaysAgo = rng.Chance(0.3) ? [rng.Int(4, 6), rng.Int(2, 3), 1] : [rng.Int(3, 6), rng.Int(1, 2)],
        };
    }

    /// <summary>
    /// The first decision point (a term end, or a month end on a monthly plan) between 700 and 10 days ago at which the
    /// latent risk makes the customer leave; null when it stays.
    /// </summary>
    private static DateOnly? ChurnByLatentRisk(DateOnly start, int termMonths, DateOnly today, LatentRisk risk, DemoRandom riskRng)
    {
        var from = today.AddDays(-700);
        var to = today.AddDays(-10);
        for (var k = 1; ; k++)
        {
            var decision = start.AddMonths(termMonths * k);
            if (decision > to) return null;
            if (decision >= from && risk.ChurnsAt(decision, 12.0 / termMonths, riskRng)) return decision;
        }
    }

    private static decimal RoundMoney(double value, decimal step) => Math.Max(step, Math.Round((decimal)value / step) * step);

    /// <summary>The most recent contract term boundary on or before <paramref name="today"/>.</summary>
    private static DateOnly LastBoundary(AccountPlan plan, DateOnly today)
    {
        var boundary = plan.StartDate;
        for (var k = 1; plan.StartDate.AddMonths(plan.TermMonths * k) <= today; k++) boundary = plan.StartDate.AddMonths(plan.TermMonths * k);
        return boundary;
    }
}
