using CsBot.Core.Signals;
using CsBot.DemoData.Internal;

namespace CsBot.DemoData;

/// <summary>A generated account with the scenario it was generated to show.</summary>
public sealed record DemoAccount(AccountSignals Signals, DemoScenarioKind Scenario);

/// <summary>
/// A realistic, deterministic demo portfolio: the named accounts of <see cref="DemoScenarios"/> first (acc-0001...), then
/// generated Enterprise / Mid-Market / SMB accounts. About 30% of the active ones play one of the at-risk scenarios as of
/// the generation day; the others carry a hidden, drifting churn risk that decides who left in the past two years (about
/// one in six) and shows, late and noisily, in their usage, tickets, surveys, payments and renewals. Pure: no I/O, no clock, no shared state.
/// </summary>
public static class DemoPortfolio
{
    /// <summary>Days of daily usage per active account, ending on the generation day (fewer for accounts younger than that).</summary>
    public const int UsageDays = 180;

    /// <summary>Days of daily usage that cover the whole signal history, so a churn model can learn from two years of month ends.</summary>
    public const int FullHistoryUsageDays = HistoryDays;

    /// <summary>Days of ticket, survey and invoice history (revenue events and renewal outcomes go back to each account's start).</summary>
    public const int HistoryDays = 730;

    /// <summary>
    /// Builds the portfolio as of <paramref name="today"/>. The same (today, accountCount, seed) always gives the same
    /// portfolio; each account's data depends only on (today, seed, its number), so a larger portfolio extends a smaller one.
    /// Linear in <paramref name="accountCount"/>. Counts below the number of named accounts return the first named accounts.
    /// </summary>
    /// <param name="usageDays">Days of daily usage to keep (<see cref="UsageDays"/> by default; <see cref="FullHistoryUsageDays"/>
    /// for training a churn model); the other signals do not depend on it.</param>
    public static IReadOnlyList<AccountSignals> Generate(DateOnly today, int accountCount = 200, int seed = 42, int usageDays = UsageDays) =>
        Build(today, accountCount, seed, usageDays, (signals, _) => signals);

    /// <summary>As <see cref="Generate"/>, with each account's scenario, so tests can check generated accounts too.</summary>
    public static IReadOnlyList<DemoAccount> GenerateWithScenarios(DateOnly today, int accountCount = 200, int seed = 42, int usageDays = UsageDays) =>
        Build(today, accountCount, seed, usageDays, (signals, kind) => new DemoAccount(signals, kind));

    /// <summary>Mixed into the seed of each account's latent-risk stream so it differs from its main stream.</summary>
    private const int RiskStream = 0x5A17;

    private static T[] Build<T>(DateOnly today, int accountCount, int seed, int usageDays, Func<AccountSignals, DemoScenarioKind, T> project)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(accountCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(usageDays, 1);
        var nameOffset = new Random(seed).Next(CompanyNames.CombinationCount);
        var portfolio = new T[accountCount];

        void BuildOne(int i)
        {
            var number = i + 1;
            var rng = new DemoRandom(DemoRandom.DeriveSeed(seed, number));
            var riskRng = new DemoRandom(DemoRandom.DeriveSeed(seed ^ RiskStream, number));
            var plan = PortfolioPlanner.Plan(number, today, nameOffset, rng, riskRng);
            portfolio[i] = project(SignalBuilder.Build(plan, today, usageDays, rng, riskRng), plan.Kind);
        }

        // Every account has its own random stream and its own slot, so building in parallel gives the same result.
        if (accountCount >= 2_000) Parallel.For(0, accountCount, BuildOne);
        else for (var i = 0; i < accountCount; i++) BuildOne(i);
        return portfolio;
    }
}
